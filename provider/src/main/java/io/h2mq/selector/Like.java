package io.h2mq.selector;

import java.util.function.Function;

/**
 * {@code identifier [NOT] LIKE 'pattern' [ESCAPE 'c']}. NULL, or a value that is not a string, gives
 * UNKNOWN, so that neither LIKE nor NOT LIKE matches it.
 */
record Like(Identifier identifier, LikePattern pattern, boolean negated) implements Expression {

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        Object v = identifier.evaluate(identifiers);
        if (!(v instanceof String)) {
            return null;
        }
        return pattern.matches((String) v) != negated;
    }
}
