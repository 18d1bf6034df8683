package io.h2mq.selector;

import java.util.function.Function;

/**
 * Unary plus or minus over a non-literal operand (a sign in front of a literal is folded into the literal
 * by the parser). A non-numeric operand yields NULL.
 */
record Unary(boolean minus, Expression operand) implements Expression {

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        Object value = operand.evaluate(identifiers);
        if (!(value instanceof Number)) {
            return null;
        }
        return minus ? Numbers.negate((Number) value) : value;
    }
}
