package io.h2mq.selector;

import java.util.Set;
import java.util.function.Function;

/**
 * {@code identifier [NOT] IN ('a', 'b', ...)}. The specification defines it only for an identifier with a
 * String or NULL value; NULL gives UNKNOWN, and so does any other type (the TCK expects an int property
 * to match neither IN nor NOT IN), so neither form matches.
 *
 * @param values the string literals, in selector order, without duplicates
 */
record In(Identifier identifier, Set<String> values, boolean negated) implements Expression {

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        Object v = identifier.evaluate(identifiers);
        if (!(v instanceof String)) {
            return null;
        }
        return values.contains(v) != negated;
    }
}
