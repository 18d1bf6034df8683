package io.h2mq.selector;

/**
 * SQL's three-valued logic over {@code Boolean}, with {@code null} as UNKNOWN: the specification's tables
 * for AND, OR and NOT. Any value that is not a {@code Boolean} (NULL, a string, a number) counts as
 * UNKNOWN when used as a condition.
 */
final class Truth {

    private Truth() {
    }

    static Boolean of(Object value) {
        return value instanceof Boolean ? (Boolean) value : null;
    }

    static Boolean not(Boolean a) {
        return a == null ? null : !a;
    }

    static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return Boolean.FALSE;
        }
        return a == null || b == null ? null : Boolean.TRUE;
    }

    static Boolean or(Boolean a, Boolean b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return Boolean.TRUE;
        }
        return a == null || b == null ? null : Boolean.FALSE;
    }
}
