package io.h2mq.cli;

/** Range checks of option values, failing as usage errors (exit code 1) that name the option and the value. */
final class Checks {
    private Checks() {
    }

    /** A bad option value found by a command rather than by the parser; exit code {@link ExitCodes#USAGE}. */
    static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    static void atLeast(String option, double value, double min) {
        if (!(value >= min)) {
            throw new UsageError(option + " must be at least " + format(min) + ", got " + format(value));
        }
    }

    static void range(String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new UsageError(option + " must be from " + format(min) + " to " + format(max) + ", got "
                    + format(value));
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
