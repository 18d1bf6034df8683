package io.h2mq.bench;

/**
 * One row of the result table: a figure a workload measures.
 *
 * @param label          what is measured, e.g. "send"
 * @param unit           e.g. "msg/s", "ms", "MB"
 * @param higherIsBetter true for rates; false for latencies, times and memory
 */
public record Metric(String label, String unit, boolean higherIsBetter) {
    public static Metric rate(String label) {
        return new Metric(label, "msg/s", true);
    }

    public static Metric lowerIsBetter(String label, String unit) {
        return new Metric(label, unit, false);
    }
}
