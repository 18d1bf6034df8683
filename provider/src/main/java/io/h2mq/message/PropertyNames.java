package io.h2mq.message;

import java.util.Set;

/**
 * The naming rule for message properties: a property name must be usable as a message selector identifier
 * (Jakarta Messaging 3.1, section 3.5.1 and 3.8.1.1): a Java identifier that is none of the selector's reserved words.
 * Names starting with "JMS" are accepted: the spec reserves them for JMSX and vendor properties but does not
 * require a provider to refuse them, and applications (and the TCK) do use such names.
 */
final class PropertyNames {
    private static final Set<String> RESERVED = Set.of(
            "NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE");

    private PropertyNames() {
    }

    /** @throws IllegalArgumentException if the name is null, empty or not a valid selector identifier */
    static String check(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("property name must not be null or empty: " + quote(name));
        }
        if (!isIdentifier(name)) {
            throw new IllegalArgumentException("property name " + quote(name) + " is not a valid Java identifier");
        }
        if (RESERVED.contains(name.toUpperCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("property name " + quote(name) + " is a reserved selector word");
        }
        return name;
    }

    private static boolean isIdentifier(String name) {
        if (!Character.isJavaIdentifierStart(name.codePointAt(0))) {
            return false;
        }
        return name.codePoints().skip(1).allMatch(Character::isJavaIdentifierPart);
    }

    private static String quote(String name) {
        return name == null ? "null" : "'" + name + "'";
    }
}
