package io.h2mq.bench.crossprocess;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.h2mq.bench.BenchConfig;
import io.h2mq.bench.Metric;
import io.h2mq.bench.Results;
import io.h2mq.testing.ChildJvm;

/**
 * The cross-process latency workload: a producer process sends PERSISTENT messages at a steady rate to a queue, a
 * consumer process receives them, and the figures are percentiles of the delivery latency, send to arrival. For each
 * host (h2mq on H2 in server mode, h2mq on PostgreSQL, the Artemis broker over TCP) and each way of receiving
 * ({@link LatencyConsumer}), on a fresh queue: the consumer starts, then the producer; a warm-up at the same rate
 * comes first and is not counted. The hosts run in this JVM (PostgreSQL in its own server process), which only waits
 * for the two children's output meanwhile.
 *
 * <p>Settings ({@code key=value} arguments or {@code -Dbench.key=value}): {@code hosts} (default
 * {@code h2,postgresql,artemis}), {@code modes} ({@code listener,receive,poll}), {@code rate} (200 per second),
 * {@code seconds} (20, measured), {@code warmup.seconds} (5), {@code size} (1024 body bytes), {@code stall.seconds}
 * (10: a consumer that gets nothing for this long reports what it has), {@code peers.fsync} (true), {@code keep}
 * (false: the data directories are deleted), {@code out}.
 * Writes {@code <out>/cross-process-latency.md}.
 */
public final class CrossProcessLatency {
    private static final Map<String, Function<BenchConfig, Host>> HOSTS = new LinkedHashMap<>();

    static {
        HOSTS.put("h2", c -> new H2ServerHost());
        HOSTS.put("postgresql", c -> new PostgresHost());
        HOSTS.put("artemis", c -> new ArtemisTcpHost(c.flag("peers.fsync", true)));
    }

    private final BenchConfig config;
    private final Results results;
    private final List<String> notes = new ArrayList<>();

    private CrossProcessLatency(BenchConfig config, List<Host> hosts) {
        this.config = config;
        this.results = new Results(hosts.stream().map(Host::name).toList(),
                hosts.stream().map(Host::name).filter(n -> n.startsWith("h2mq")).toList());
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config = new BenchConfig(args);
        List<Host> hosts = config.list("hosts", String.join(",", HOSTS.keySet())).stream()
                .map(key -> host(key, config)).toList();
        CrossProcessLatency bench = new CrossProcessLatency(config, hosts);
        Instant started = Instant.now();
        for (Host host : hosts) {
            bench.run(host);
        }
        bench.report(started);
        System.exit(0); // brokers may leave non-daemon threads behind
    }

    private static Host host(String key, BenchConfig config) {
        Function<BenchConfig, Host> host = HOSTS.get(key);
        if (host == null) {
            throw new IllegalArgumentException("unknown host '" + key + "', known: " + HOSTS.keySet());
        }
        return host.apply(config);
    }

    private void run(Host host) throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(config.outputDirectory()
                .resolve("bench-data")), "latency-");
        notes.add(host.name() + ": " + host.description());
        String spec = host.start(data);
        try {
            for (String mode : config.list("modes", "listener,receive,poll")) {
                String workload = workloadName(mode);
                List<Metric> metrics = List.of(metric("p50"), metric("p99"), metric("max"));
                results.declare(workload, metrics);
                try {
                    long[] figures = measure(spec, "latency." + mode, mode, data);
                    Map<Metric, Double> values = new LinkedHashMap<>();
                    for (int i = 0; i < metrics.size(); i++) {
                        values.put(metrics.get(i), figures[i] / 1000.0);
                    }
                    results.put(host.name(), workload, values);
                    log("%s, %s: p50 %.2f ms, p99 %.2f ms, max %.2f ms", host.name(), mode, figures[0] / 1000.0,
                            figures[1] / 1000.0, figures[2] / 1000.0);
                } catch (IllegalStateException e) {
                    log("%s, %s FAILED: %s", host.name(), mode, e.getMessage());
                    results.fail(host.name(), workload, e);
                }
            }
        } finally {
            host.stop();
            if (!config.flag("keep", false)) {
                delete(data);
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** One producer and one consumer process on {@code queue}; returns p50, p99 and max in microseconds. */
    private long[] measure(String spec, String queue, String mode, Path dir) throws Exception {
        double rate = config.decimal("rate", 200);
        int measured = (int) Math.round(rate * config.decimal("seconds", 20));
        int warmup = (int) Math.round(rate * config.decimal("warmup.seconds", 5));
        List<String> jvm = List.of("-Xmx512m", "-XX:+UseG1GC");
        try (ChildJvm consumer = ChildJvm.start(dir, jvm, LatencyConsumer.class, spec, queue, mode,
                Integer.toString(measured), Integer.toString(config.integer("stall.seconds", 10)))) {
            expect(consumer, "ready");
            try (ChildJvm producer = ChildJvm.start(dir, jvm, LatencyProducer.class, spec, queue,
                    Double.toString(rate), Integer.toString(warmup), Integer.toString(measured),
                    Integer.toString(config.messageSize()))) {
                String result = consumer.nextLine();
                if (result == null) {
                    throw new IllegalStateException("the consumer ended without a result: " + consumer.describe());
                }
                String[] words = result.split(" ");
                int delivered = Integer.parseInt(words[1]);
                if (!words[0].equals("result") || delivered < measured) {
                    throw new IllegalStateException(mode + ": " + delivered + " of " + measured
                            + " measured messages delivered, then nothing for " + config.integer("stall.seconds", 10)
                            + " s (" + result + ")");
                }
                String sent = producer.nextLine();
                if (sent == null || !sent.startsWith("sent " + measured + " ")) {
                    throw new IllegalStateException("expected 'sent " + measured + " <ms>', got '" + sent + "': "
                            + producer.describe());
                }
                log("%s: the producer sent %d measured messages in %s ms (%.0f/s)", mode, measured,
                        sent.split(" ")[2], measured * 1000.0 / Math.max(1, Long.parseLong(sent.split(" ")[2])));
                return new long[] {Long.parseLong(words[2]), Long.parseLong(words[3]), Long.parseLong(words[4])};
            }
        }
    }

    private static void expect(ChildJvm child, String line) throws InterruptedException {
        String got = child.nextLine();
        if (!line.equals(got)) {
            throw new IllegalStateException("expected '" + line + "', got '" + got + "': " + child.describe());
        }
    }

    private static String workloadName(String mode) {
        return "cross-process latency, " + switch (mode) {
            case "listener" -> "MessageListener";
            case "receive" -> "receive()";
            case "poll" -> "receive(100) loop";
            default -> mode;
        };
    }

    private static Metric metric(String label) {
        return Metric.lowerIsBetter(label, "ms");
    }

    private void report(Instant started) throws Exception {
        List<String> header = new ArrayList<>();
        header.add("Run " + started + ", " + (Instant.now().getEpochSecond() - started.getEpochSecond()) + " s, "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", JVM flags " + ManagementFactory.getRuntimeMXBean().getInputArguments() + ", settings " + config);
        header.add("Producer and consumer in two processes, PERSISTENT " + config.messageSize()
                + "-byte BytesMessages at " + config.decimal("rate", 200) + "/s, " + config.decimal("seconds", 20)
                + " s measured after " + config.decimal("warmup.seconds", 5) + " s of warm-up; latency = arrival in "
                + "the consumer - wall clock before send(), in ms");
        header.addAll(notes);
        header.add("Ratio columns: best peer / h2mq, above 1.00x h2mq is better");
        String text = String.join("\n", header) + "\n";
        System.out.println();
        System.out.println(text);
        System.out.println(results.text());
        Path md = config.outputDirectory().resolve("cross-process-latency.md");
        Files.createDirectories(md.getParent());
        Files.writeString(md, "# h2mq cross-process latency\n\n" + header.stream().map(l -> "- " + l + "\n")
                .reduce("", String::concat) + "\n" + results.markdown());
        System.out.println("Written to " + md.toAbsolutePath());
    }

    private static void log(String format, Object... args) {
        System.out.printf("[latency %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }
}
