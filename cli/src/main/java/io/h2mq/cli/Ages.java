package io.h2mq.cli;

/** The age of a message for people: {@code 42s}, {@code 3m07s}, {@code 2h05m}, {@code 3d04h}. */
final class Ages {
    private Ages() {
    }

    /** The time from {@code epochMillis} to {@code now}, or "-" when {@code epochMillis} is negative (no message). */
    static String since(long epochMillis, long now) {
        if (epochMillis < 0) {
            return "-";
        }
        long seconds = Math.max(0, now - epochMillis) / 1000;
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm%02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86_400) {
            return String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format("%dd%02dh", seconds / 86_400, seconds % 86_400 / 3600);
    }
}
