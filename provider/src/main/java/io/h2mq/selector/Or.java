package io.h2mq.selector;

import java.util.List;
import java.util.function.Function;

/**
 * Logical OR over two or more operands, n-ary for the same reason as {@link And}; it stops at the first
 * TRUE.
 */
record Or(List<Expression> operands) implements Expression {

    Or {
        operands = List.copyOf(operands);
    }

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        Boolean result = Boolean.FALSE;
        for (Expression operand : operands) {
            result = Truth.or(result, Truth.of(operand.evaluate(identifiers)));
            if (Boolean.TRUE.equals(result)) {
                return result;
            }
        }
        return result;
    }
}
