package io.h2mq.selector;

import java.util.List;
import java.util.function.Function;

/**
 * Logical AND over two or more operands. It is n-ary rather than a chain of binary nodes so that a long
 * generated selector ({@code a AND b AND c ...}) stays a shallow tree; it stops at the first FALSE.
 */
record And(List<Expression> operands) implements Expression {

    And {
        operands = List.copyOf(operands);
    }

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        Boolean result = Boolean.TRUE;
        for (Expression operand : operands) {
            result = Truth.and(result, Truth.of(operand.evaluate(identifiers)));
            if (Boolean.FALSE.equals(result)) {
                return result;
            }
        }
        return result;
    }
}
