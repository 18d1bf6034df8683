package io.h2mq.selector;

import java.util.function.Function;

/**
 * A node of a parsed selector. The tree is immutable and shared by every thread that evaluates it.
 *
 * <p>Evaluation works on plain values: {@code null} is SQL's NULL (and, for a condition, UNKNOWN);
 * {@code Boolean}, {@code String}, {@code Integer}, {@code Long}, {@code Float} and {@code Double} are the
 * others ({@code Byte} and {@code Short} properties arrive widened to {@code Integer}). Evaluation never
 * throws for any message: a type mismatch yields NULL or FALSE as the specification says, never an
 * exception.
 *
 * <p>The tree is kept package-visible (not just the evaluator) so that the part of a selector over headers
 * can later be translated into SQL with bind parameters.
 */
sealed interface Expression
        permits Literal, Identifier, Unary, Arithmetic, Comparison, Between, In, Like, IsNull, Not, And, Or {

    /**
     * @param identifiers the value of a header or property by name, null when absent
     * @return the value of this node for one message
     */
    Object evaluate(Function<String, Object> identifiers);
}
