package io.h2mq.selector;

/**
 * The four binary arithmetic operators, each defined for the four types Java's binary numeric promotion
 * can produce. Overflow wraps around exactly as in Java; integer division by zero, which throws in Java,
 * yields NULL here so that evaluation never throws.
 */
enum ArithmeticOperator {
    ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/");

    private final String symbol;

    ArithmeticOperator(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    static ArithmeticOperator of(TokenKind kind) {
        switch (kind) {
            case PLUS: return ADD;
            case MINUS: return SUBTRACT;
            case STAR: return MULTIPLY;
            case SLASH: return DIVIDE;
            default: throw new IllegalArgumentException("not an arithmetic operator: " + kind);
        }
    }

    Integer apply(int a, int b) {
        switch (this) {
            case ADD: return a + b;
            case SUBTRACT: return a - b;
            case MULTIPLY: return a * b;
            default: return b == 0 ? null : a / b;
        }
    }

    Long apply(long a, long b) {
        switch (this) {
            case ADD: return a + b;
            case SUBTRACT: return a - b;
            case MULTIPLY: return a * b;
            default: return b == 0 ? null : a / b;
        }
    }

    Float apply(float a, float b) {
        switch (this) {
            case ADD: return a + b;
            case SUBTRACT: return a - b;
            case MULTIPLY: return a * b;
            default: return a / b;
        }
    }

    Double apply(double a, double b) {
        switch (this) {
            case ADD: return a + b;
            case SUBTRACT: return a - b;
            case MULTIPLY: return a * b;
            default: return a / b;
        }
    }
}
