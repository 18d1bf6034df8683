package io.h2mq.selector;

import java.util.function.Function;

/**
 * A comparison, with the specification's rules: NULL on either side gives UNKNOWN; numbers compare with
 * Java numeric promotion; strings and booleans compare only with {@code =} and {@code <>}; values of
 * unlike types ("the comparison of non-like type values") give FALSE.
 *
 * <p>{@code <}, {@code >} and the like between two strings or two booleans cannot be written with
 * literals (the parser rejects them) but can arise from two properties; the specification does not say
 * what they yield, and this class answers UNKNOWN, so that neither the comparison nor its negation
 * matches.
 */
record Comparison(ComparisonOperator operator, Expression left, Expression right) implements Expression {

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        return compare(operator, left.evaluate(identifiers), right.evaluate(identifiers));
    }

    static Boolean compare(ComparisonOperator operator, Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        if (a instanceof Number && b instanceof Number) {
            return Numbers.compare(operator, (Number) a, (Number) b);
        }
        if (a.getClass() != b.getClass()) {
            return Boolean.FALSE;
        }
        if (!operator.isEquality()) {
            return null;
        }
        return a.equals(b) == (operator == ComparisonOperator.EQ);
    }
}
