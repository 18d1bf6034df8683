package io.h2mq.message;

/** What a typed getter of a property, map entry or stream field asks for. */
enum ValueKind {
    BOOLEAN("boolean"), BYTE("byte"), SHORT("short"), CHAR("char"), INT("int"), LONG("long"),
    FLOAT("float"), DOUBLE("double"), STRING("String"), BYTES("byte[]");

    private final String javaName;

    ValueKind(String javaName) {
        this.javaName = javaName;
    }

    String javaName() {
        return javaName;
    }
}
