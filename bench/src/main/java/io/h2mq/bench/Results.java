package io.h2mq.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The figures of one run: rows are (workload, metric), columns are providers, plus the ratio of each subject column
 * (h2mq; the cross-process bench has one per store) to the best peer, the best of the other columns. The ratio is
 * oriented so that above 1 is always good for the subject: {@code subject / best peer} for rates,
 * {@code best peer / subject} for latencies, times and memory.
 */
public final class Results {
    /** The provider whose column is compared with the others. */
    public static final String SUBJECT = "h2mq";

    private record Row(String workload, Metric metric) {
    }

    private final List<String> providers;
    private final List<String> subjects;
    private final Map<Row, Map<String, Double>> cells = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    public Results(List<String> providers) {
        this(providers, List.of(SUBJECT));
    }

    /** Columns {@code providers}, with a ratio column for each of {@code subjects} (some of those providers). */
    public Results(List<String> providers, List<String> subjects) {
        this.providers = List.copyOf(providers);
        this.subjects = List.copyOf(subjects);
    }

    public void declare(String workload, List<Metric> metrics) {
        for (Metric m : metrics) {
            cells.putIfAbsent(new Row(workload, m), new LinkedHashMap<>());
        }
    }

    public void put(String provider, String workload, Map<Metric, Double> values) {
        values.forEach((m, v) -> cells.computeIfAbsent(new Row(workload, m), r -> new LinkedHashMap<>())
                .put(provider, v));
    }

    public void fail(String provider, String workload, Throwable error) {
        failures.add(provider + " / " + workload + ": " + error);
    }

    /** A fixed-width table for the console. */
    public String text() {
        List<String[]> lines = lines();
        int[] width = new int[lines.get(0).length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                width[i] = Math.max(width[i], line[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < lines.size(); r++) {
            String[] line = lines.get(r);
            for (int i = 0; i < line.length; i++) {
                String fmt = i == 0 ? "%-" + width[i] + "s" : "  %" + width[i] + "s";
                sb.append(String.format(fmt, line[i]));
            }
            sb.append('\n');
            if (r == 0) {
                sb.append("-".repeat(sb.length() - 1)).append('\n');
            }
        }
        appendFailures(sb);
        return sb.toString();
    }

    /** The same table in Markdown. */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        List<String[]> lines = lines();
        for (int r = 0; r < lines.size(); r++) {
            sb.append("| ").append(String.join(" | ", lines.get(r))).append(" |\n");
            if (r == 0) {
                sb.append("|---").append("|---:".repeat(lines.get(r).length - 1)).append("|\n");
            }
        }
        appendFailures(sb);
        return sb.toString();
    }

    private List<String[]> lines() {
        List<String[]> lines = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("workload: metric");
        header.addAll(providers);
        for (String subject : subjects) {
            header.add(subject + " vs best peer (>1 = " + (subjects.size() == 1 ? subject + " " : "") + "better)");
        }
        lines.add(header.toArray(String[]::new));
        cells.forEach((row, values) -> {
            List<String> line = new ArrayList<>();
            line.add(row.workload() + ": " + row.metric().label() + " (" + row.metric().unit()
                    + (row.metric().higherIsBetter() ? "" : ", lower is better") + ")");
            for (String p : providers) {
                Double v = values.get(p);
                line.add(v == null ? "-" : number(v));
            }
            for (String subject : subjects) {
                OptionalDouble ratio = ratio(subject, row.metric(), values);
                line.add(ratio.isPresent() ? String.format("%.2fx", ratio.getAsDouble()) : "-");
            }
            lines.add(line.toArray(String[]::new));
        });
        return lines;
    }

    private OptionalDouble ratio(String subjectColumn, Metric metric, Map<String, Double> values) {
        Double subject = values.get(subjectColumn);
        OptionalDouble best = values.entrySet().stream().filter(e -> !subjects.contains(e.getKey()))
                .mapToDouble(Map.Entry::getValue)
                .reduce(metric.higherIsBetter() ? Math::max : Math::min);
        if (subject == null || best.isEmpty() || subject <= 0 || best.getAsDouble() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(metric.higherIsBetter() ? subject / best.getAsDouble()
                : best.getAsDouble() / subject);
    }

    private void appendFailures(StringBuilder sb) {
        if (!failures.isEmpty()) {
            sb.append("\nFailed (shown as -):\n");
            failures.forEach(f -> sb.append("- ").append(f).append('\n'));
        }
    }

    private static String number(double v) {
        double a = Math.abs(v);
        return a >= 100 ? String.format("%,.0f", v) : a >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
    }
}
