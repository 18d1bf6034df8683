package io.h2mq.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of one run: {@code key=value} program arguments, overridden by system properties {@code bench.key}.
 * Every count has a default small enough for the whole run (three providers) to finish in about ten minutes on two
 * cores; {@code scale} multiplies all of them at once.
 */
public final class BenchConfig {
    private final Map<String, String> values = new LinkedHashMap<>();

    public BenchConfig(String[] args) {
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got '" + arg + "'");
            }
            values.put(arg.substring(0, eq).trim(), arg.substring(eq + 1).trim());
        }
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("bench."))
                .forEach(k -> values.put(k.substring("bench.".length()), System.getProperty(k)));
    }

    public String string(String key, String defaultValue) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? defaultValue : v;
    }

    public int integer(String key, int defaultValue) {
        return Integer.parseInt(string(key, Integer.toString(defaultValue)));
    }

    public double decimal(String key, double defaultValue) {
        return Double.parseDouble(string(key, Double.toString(defaultValue)));
    }

    public boolean flag(String key, boolean defaultValue) {
        return Boolean.parseBoolean(string(key, Boolean.toString(defaultValue)));
    }

    public List<String> list(String key, String defaultValue) {
        return Arrays.stream(string(key, defaultValue).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
    }

    /** A message count: {@code <key>} if given, else the default times {@code scale}; never below 1. */
    public int count(String key, int defaultValue) {
        String v = values.get(key);
        if (v != null && !v.isEmpty()) {
            return Integer.parseInt(v);
        }
        return Math.max(1, (int) Math.round(defaultValue * decimal("scale", 1.0)));
    }

    /** The warm-up run's count for a measured count: {@code warmup} (a fraction, default 0.1), at least 20. */
    public int warmup(int count) {
        return Math.max(20, (int) Math.round(count * decimal("warmup", 0.1)));
    }

    /** Body size in bytes of every message (default 1 KiB). */
    public int messageSize() {
        return integer("size", 1024);
    }

    /** How long one receive may wait before the workload is declared stuck. */
    public long receiveTimeoutMillis() {
        return integer("timeout.ms", 60_000);
    }

    public Path outputDirectory() {
        return Path.of(string("out", "target"));
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
