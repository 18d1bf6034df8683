package io.h2mq.selector;

/**
 * The six comparison operators. Floating-point comparisons use Java's primitive operators, so NaN is
 * unequal to everything, itself included, and {@code <>} is true for it.
 */
enum ComparisonOperator {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    /** Strings and booleans may only be compared for (in)equality. */
    boolean isEquality() {
        return this == EQ || this == NE;
    }

    static ComparisonOperator of(TokenKind kind) {
        switch (kind) {
            case EQ: return EQ;
            case NE: return NE;
            case LT: return LT;
            case LE: return LE;
            case GT: return GT;
            case GE: return GE;
            default: throw new IllegalArgumentException("not a comparison operator: " + kind);
        }
    }

    boolean test(long a, long b) {
        switch (this) {
            case EQ: return a == b;
            case NE: return a != b;
            case LT: return a < b;
            case LE: return a <= b;
            case GT: return a > b;
            default: return a >= b;
        }
    }

    boolean test(double a, double b) {
        switch (this) {
            case EQ: return a == b;
            case NE: return a != b;
            case LT: return a < b;
            case LE: return a <= b;
            case GT: return a > b;
            default: return a >= b;
        }
    }
}
