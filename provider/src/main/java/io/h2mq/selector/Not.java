package io.h2mq.selector;

import java.util.function.Function;

/** Logical NOT: UNKNOWN stays UNKNOWN. */
record Not(Expression operand) implements Expression {

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        return Truth.not(Truth.of(operand.evaluate(identifiers)));
    }
}
