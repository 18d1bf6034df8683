package io.h2mq.selector;

import java.util.function.Function;

/**
 * {@code value [NOT] BETWEEN low AND high}, evaluated through the equivalences the specification gives:
 * {@code value >= low AND value <= high}, and for NOT BETWEEN {@code value < low OR value > high}. NOT
 * BETWEEN is therefore not the negation of BETWEEN for unlike types: a string property is neither between
 * 5 and 10 nor not between them (both FALSE).
 */
record Between(Expression value, Expression low, Expression high, boolean negated) implements Expression {

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        Object v = value.evaluate(identifiers);
        Object lo = low.evaluate(identifiers);
        Object hi = high.evaluate(identifiers);
        if (negated) {
            return Truth.or(Comparison.compare(ComparisonOperator.LT, v, lo),
                    Comparison.compare(ComparisonOperator.GT, v, hi));
        }
        return Truth.and(Comparison.compare(ComparisonOperator.GE, v, lo),
                Comparison.compare(ComparisonOperator.LE, v, hi));
    }
}
