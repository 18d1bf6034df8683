package io.h2mq.selector;

import java.util.function.Function;

/**
 * A binary arithmetic operation. NULL or a non-numeric operand (a string property, say) yields NULL:
 * "a string cannot be used in an arithmetic expression", so a comparison over it is never TRUE.
 */
record Arithmetic(ArithmeticOperator operator, Expression left, Expression right) implements Expression {

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        Object a = left.evaluate(identifiers);
        if (!(a instanceof Number)) {
            return null;
        }
        Object b = right.evaluate(identifiers);
        if (!(b instanceof Number)) {
            return null;
        }
        return Numbers.arithmetic(operator, (Number) a, (Number) b);
    }
}
