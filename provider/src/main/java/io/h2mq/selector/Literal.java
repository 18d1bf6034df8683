package io.h2mq.selector;

import java.util.function.Function;

/**
 * A string, numeric or boolean literal. Exact numeric literals are {@code Long}; approximate ones are
 * {@code Double}, or {@code Float} when written with an {@code f} suffix.
 */
record Literal(Object value) implements Expression {

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        return value;
    }
}
