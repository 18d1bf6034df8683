package io.h2mq.selector;

/**
 * Java's binary numeric promotion for selector values, as the specification requires for both arithmetic
 * and comparison: int op int stays int, long widens to long, any float makes float, any double makes
 * double. So {@code intProp * intProp} overflows like Java int arithmetic, and a long compared with a
 * float is compared as float, exactly as the same Java expression would.
 */
final class Numbers {

    private enum Kind { INT, LONG, FLOAT, DOUBLE }

    private Numbers() {
    }

    static Number arithmetic(ArithmeticOperator op, Number a, Number b) {
        switch (promote(a, b)) {
            case INT: return op.apply(a.intValue(), b.intValue());
            case LONG: return op.apply(a.longValue(), b.longValue());
            case FLOAT: return op.apply(a.floatValue(), b.floatValue());
            default: return op.apply(a.doubleValue(), b.doubleValue());
        }
    }

    static boolean compare(ComparisonOperator op, Number a, Number b) {
        switch (promote(a, b)) {
            case INT:
            case LONG:
                return op.test(a.longValue(), b.longValue());
            case FLOAT:
                return op.test((double) a.floatValue(), (double) b.floatValue());
            default:
                return op.test(a.doubleValue(), b.doubleValue());
        }
    }

    static Number negate(Number a) {
        switch (kind(a)) {
            case INT: return -a.intValue();
            case LONG: return -a.longValue();
            case FLOAT: return -a.floatValue();
            default: return -a.doubleValue();
        }
    }

    private static Kind promote(Number a, Number b) {
        Kind x = kind(a);
        Kind y = kind(b);
        return x.compareTo(y) >= 0 ? x : y;
    }

    private static Kind kind(Number n) {
        if (n instanceof Double) {
            return Kind.DOUBLE;
        }
        if (n instanceof Float) {
            return Kind.FLOAT;
        }
        return n instanceof Long ? Kind.LONG : Kind.INT;
    }
}
