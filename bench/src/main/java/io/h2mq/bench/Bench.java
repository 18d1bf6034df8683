package io.h2mq.bench;

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
import java.util.Map.Entry;
import java.util.function.Function;
import java.util.stream.Stream;

import io.h2mq.bench.provider.ArtemisProvider;
import io.h2mq.bench.provider.ClassicProvider;
import io.h2mq.bench.provider.H2mqProvider;
import io.h2mq.bench.provider.Provider;
import io.h2mq.bench.workload.Backlog;
import io.h2mq.bench.workload.ConcurrentQueue;
import io.h2mq.bench.workload.RequestReply;
import io.h2mq.bench.workload.SendThenReceive;
import io.h2mq.bench.workload.TopicFanOut;
import io.h2mq.bench.workload.Workload;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.ConnectionMetaData;

/**
 * Runs every workload against every provider, one provider after the other in this one JVM, and prints the table
 * (also written to {@code <out>/bench-results.md}). Settings: see {@link BenchConfig} and bench/README.md.
 */
public final class Bench {
    /**
     * Providers by settings key; the peers force their journal unless {@code peers.fsync=false}, h2mq runs with its
     * default durability unless {@code h2mq.durability} says otherwise.
     */
    private static final Map<String, Function<BenchConfig, Provider>> PROVIDERS = new LinkedHashMap<>();

    static {
        PROVIDERS.put("h2mq", c -> new H2mqProvider(c.string("h2mq.durability", null)));
        PROVIDERS.put("artemis", c -> new ArtemisProvider(c.flag("peers.fsync", true),
                c.flag("peers.syncAcks", false)));
        PROVIDERS.put("classic", c -> new ClassicProvider(c.flag("peers.fsync", true),
                c.flag("peers.syncAcks", false)));
    }

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config = new BenchConfig(args);
        List<Workload> workloads = workloads(config);
        List<Provider> providers = config.list("providers", String.join(",", PROVIDERS.keySet())).stream()
                .map(key -> provider(key, config)).toList();
        Results results = new Results(providers.stream().map(Provider::name).toList());
        workloads.forEach(w -> results.declare(w.name(), w.metrics()));

        Instant started = Instant.now();
        Map<String, String> notes = new LinkedHashMap<>();
        for (Provider provider : providers) {
            notes.put(provider.name(), runProvider(provider, workloads, config, results));
        }
        String header = header(config, workloads, notes, started);
        String table = results.text();
        System.out.println();
        System.out.println(header);
        System.out.println(table);

        Path out = config.outputDirectory();
        Files.createDirectories(out);
        Path md = out.resolve("bench-results.md");
        Files.writeString(md, "# h2mq bench results\n\n" + header.lines().map(l -> l.isEmpty() ? l : "- " + l)
                .reduce("", (a, b) -> a + b + "\n") + "\n" + results.markdown());
        System.out.println("Written to " + md.toAbsolutePath());
        System.exit(0); // brokers may leave non-daemon threads behind
    }

    /** All workloads in table order, each configured from the settings. */
    static List<Workload> workloads(BenchConfig config) {
        List<Workload> all = List.of(
                SendThenReceive.persistent(),
                new ConcurrentQueue(config.integer("producers", 4), config.integer("consumers", 4)),
                SendThenReceive.transacted(config.integer("transacted.batch", 100)),
                new TopicFanOut(config.integer("subscribers", 8)),
                new RequestReply(),
                SendThenReceive.nonPersistent(),
                new Backlog(config.integer("backlog.batch", 100)));
        List<String> only = config.list("workloads", "");
        return only.isEmpty() ? all
                : all.stream().filter(w -> only.stream().anyMatch(o -> w.name().startsWith(o + ".")
                        || w.key().equals(o))).toList();
    }

    private static Provider provider(String key, BenchConfig config) {
        Function<BenchConfig, Provider> p = PROVIDERS.get(key.toLowerCase());
        if (p == null) {
            throw new IllegalArgumentException("unknown provider '" + key + "', known: " + PROVIDERS.keySet());
        }
        return p.apply(config);
    }

    /** Starts one provider on a fresh directory, runs every workload (warm-up, then measured), stops it. */
    private static String runProvider(Provider provider, List<Workload> workloads, BenchConfig config,
            Results results) throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(config.outputDirectory().resolve("bench-data")),
                provider.name().replace(' ', '-') + "-");
        System.gc();
        log("%s: starting on %s", provider.name(), dataDir);
        String note;
        try {
            ConnectionFactory factory = provider.start(dataDir);
            note = metaData(factory) + "; " + provider.durability();
            Env env = new Env(factory, config);
            int n = 0;
            for (Workload w : workloads) {
                n++;
                int count = config.count(w.key(), w.defaultCount());
                try {
                    long t0 = System.nanoTime();
                    w.run(env, "bench.w" + n + ".warmup", config.warmup(count));
                    long t1 = System.nanoTime();
                    Map<Metric, Double> values = w.run(env, "bench.w" + n + ".measured", count);
                    results.put(provider.name(), w.name(), values);
                    log("%s: %s, n=%d: %s (warm-up %.1f s, run %.1f s)", provider.name(), w.name(), count,
                            values.entrySet().stream().map(Bench::format).toList(), (t1 - t0) / 1e9,
                            (System.nanoTime() - t1) / 1e9);
                } catch (Exception | AssertionError e) {
                    log("%s: %s FAILED: %s", provider.name(), w.name(), e);
                    e.printStackTrace();
                    results.fail(provider.name(), w.name(), e);
                }
            }
        } finally {
            provider.stop();
            if (!config.flag("keep", false)) {
                delete(dataDir);
            }
        }
        log("%s: stopped", provider.name());
        return note;
    }

    private static String format(Entry<Metric, Double> e) {
        return e.getKey().label() + " " + String.format("%.2f", e.getValue()) + " " + e.getKey().unit();
    }

    private static String metaData(ConnectionFactory factory) {
        try (Connection c = factory.createConnection()) {
            ConnectionMetaData md = c.getMetaData();
            return md.getJMSProviderName() + " " + md.getProviderVersion();
        } catch (Exception e) {
            return "version unknown (" + e + ")";
        }
    }

    private static String header(BenchConfig config, List<Workload> workloads, Map<String, String> notes,
            Instant started) {
        List<String> lines = new ArrayList<>();
        lines.add("Run " + started + ", " + (Instant.now().getEpochSecond() - started.getEpochSecond()) + " s, "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", JVM flags " + ManagementFactory.getRuntimeMXBean().getInputArguments()
                + ", settings " + config);
        lines.add("Messages: " + config.messageSize() + "-byte BytesMessage; counts: " + workloads.stream()
                .map(w -> w.key() + "=" + config.count(w.key(), w.defaultCount())).toList()
                + "; each workload runs a warm-up on its own destination first");
        notes.forEach((name, note) -> lines.add(name + ": " + note));
        lines.add("Ratio column: h2mq / best peer for rates, best peer / h2mq for latencies, times and memory: "
                + "above 1.00x h2mq is better");
        return String.join("\n", lines) + "\n";
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }
}
