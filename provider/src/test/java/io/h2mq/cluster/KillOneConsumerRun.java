package io.h2mq.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.h2mq.testing.ChildJvm;

/**
 * One run of the scenario of {@link QueueAcrossProcessesTest} on a store several processes share: consumer processes
 * start on one queue, then producer processes send {@code messages} numbered messages to it; when half of them have
 * been received, the first consumer (the victim) is paused in the middle of a batch and killed with SIGKILL; the
 * survivors go on until every message is acknowledged, then stop cleanly. Every line the processes print is
 * recorded in a {@link Ledger} for the test to check.
 *
 * <p>The parent never sleeps: it waits for the processes' next line, and fails when none comes for
 * {@link #STALL_SECONDS} (with what the ledger knows and every process's stderr), so a lost message shows as a
 * precise failure rather than as the test's timeout.
 */
final class KillOneConsumerRun implements AutoCloseable {
    static final int STALL_SECONDS = 60;
    private static final String QUEUE = "cluster.orders";
    private static final int VICTIM = 0;

    /** What the run measured; times in milliseconds. */
    record Figures(int messages, long elapsedMillis, long victimHeld, long duplicates, int redelivered,
            long leaseWaitMillis, long allBackMillis) {
        double throughput() {
            return messages * 1000.0 / Math.max(1, elapsedMillis);
        }

        @Override
        public String toString() {
            return String.format("%,d messages in %,d ms (%,.0f msg/s acknowledged); the victim held %d unacknowledged;"
                    + " %d received twice, %d redelivered receipts; first of the victim's back %,d ms after the kill,"
                    + " all back after %,d ms", messages, elapsedMillis, throughput(), victimHeld, duplicates,
                    redelivered, leaseWaitMillis, allBackMillis);
        }
    }

    private record Line(int child, String text, long nanos) {
    }

    private final Path dir;
    private final String url;
    private final int messages;
    private final List<String> jvmOptions;
    private final Ledger ledger;
    private final List<ChildJvm> consumers = new ArrayList<>();
    private final List<ChildJvm> producers = new ArrayList<>();
    private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
    private long killNanos;
    private long firstBackNanos;
    private long lastBackNanos;

    KillOneConsumerRun(Path dir, String url, int messages, long leaseTime, int prefetch) {
        this.dir = dir;
        this.url = url;
        this.messages = messages;
        this.jvmOptions = NodeOptions.jvmOptions(leaseTime, prefetch);
        this.ledger = new Ledger(messages);
    }

    Ledger ledger() {
        return ledger;
    }

    /** Runs the scenario to its end: every message acknowledged, every process ended. */
    Figures run(int consumerCount, int producerCount, int producerThreads, int batch) throws Exception {
        for (int c = 0; c < consumerCount; c++) {
            consumers.add(start(c, QueueConsumer.class, url, QUEUE, Integer.toString(batch)));
        }
        awaitReady(consumerCount);
        long started = System.nanoTime();
        int share = messages / producerCount;
        for (int p = 0; p < producerCount; p++) {
            int first = p * share;
            int count = p == producerCount - 1 ? messages - first : share;
            producers.add(start(consumerCount + p, QueueProducer.class, url, QUEUE, Integer.toString(first),
                    Integer.toString(count), Integer.toString(producerThreads)));
        }
        int ended = consumeUntilAllAcknowledged();
        long elapsed = System.nanoTime() - started;
        for (int c = 0; c < consumers.size(); c++) {
            if (c != VICTIM) {
                consumers.get(c).closeInput();
            }
        }
        awaitEnd(ended);
        long held = ledger.heldByVictim().count();
        return new Figures(messages, TimeUnit.NANOSECONDS.toMillis(elapsed), held, ledger.duplicated().count(),
                ledger.redeliveredReceipts(), millisAfterKill(firstBackNanos), millisAfterKill(lastBackNanos));
    }

    private ChildJvm start(int index, Class<?> main, String... args) throws IOException {
        ChildJvm child = ChildJvm.start(dir, jvmOptions, main, args);
        Thread pump = new Thread(() -> pump(index, child), "pump-" + main.getSimpleName() + "-" + index);
        pump.setDaemon(true);
        pump.start();
        return child;
    }

    private void pump(int index, ChildJvm child) {
        try {
            String text;
            while ((text = child.nextLine()) != null) {
                lines.add(new Line(index, text, System.nanoTime()));
            }
            lines.add(new Line(index, null, System.nanoTime()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(int consumerCount) throws Exception {
        for (int ready = 0; ready < consumerCount; ) {
            Line line = next();
            if (line.text() == null || !line.text().equals("ready")) {
                throw new AssertionError("expected 'ready', got '" + line.text() + "' from " + describe(line.child()));
            }
            ready++;
        }
    }

    /** Records lines until every message is acknowledged; returns how many processes ended meanwhile. */
    private int consumeUntilAllAcknowledged() throws Exception {
        boolean pauseSent = false;
        int ended = 0;
        while (!ledger.allAcknowledged()) {
            Line line = next();
            if (line.text() == null) {
                ended += ended(line.child());
                continue;
            }
            record(line);
            if (!pauseSent && ledger.distinctReceived() >= messages / 2) {
                consumers.get(VICTIM).tell("pause");
                pauseSent = true;
            }
        }
        return ended;
    }

    /** Waits for every process's stdout to end, recording what comes. */
    private void awaitEnd(int ended) throws Exception {
        int total = consumers.size() + producers.size();
        while (ended < total) {
            Line line = next();
            if (line.text() == null) {
                ended += ended(line.child());
            } else {
                record(line);
            }
        }
    }

    private int ended(int child) throws InterruptedException {
        if (child == VICTIM) {
            if (killNanos == 0) {
                throw new AssertionError("the victim ended before it was killed: " + describe(child));
            }
            return 1;
        }
        int status = process(child).awaitExit();
        if (status != 0) {
            throw new AssertionError("process " + child + " failed (" + ledger.summary() + "): " + describe(child));
        }
        return 1;
    }

    private void record(Line line) throws InterruptedException {
        String[] words = line.text().split(" ");
        boolean byVictim = line.child() == VICTIM;
        switch (words[0]) {
            case "R" -> {
                boolean back = ledger.received(byVictim, Integer.parseInt(words[1]), words[2].equals("1"));
                if (back) {
                    victimMessageBack(line.nanos());
                }
            }
            case "A" -> {
                for (int i = 1; i < words.length; i++) {
                    ledger.acknowledged(byVictim, Integer.parseInt(words[i]));
                }
            }
            case "paused" -> {
                consumers.get(VICTIM).kill();
                killNanos = System.nanoTime();
            }
            case "sent", "done" -> {
            }
            default -> throw new AssertionError("unexpected line '" + line.text() + "' from " + describe(line.child()));
        }
    }

    private void victimMessageBack(long nanos) {
        if (firstBackNanos == 0) {
            firstBackNanos = nanos;
        }
        lastBackNanos = nanos;
    }

    private Line next() throws InterruptedException {
        Line line = lines.poll(STALL_SECONDS, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("no process printed anything for " + STALL_SECONDS + " s; " + ledger.summary()
                    + "; first unacknowledged: " + ledger.unacknowledged().limit(20).boxed().toList()
                    + "\n" + describeAll());
        }
        return line;
    }

    private long millisAfterKill(long nanos) {
        return nanos == 0 || killNanos == 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(nanos - killNanos);
    }

    private ChildJvm process(int child) {
        return child < consumers.size() ? consumers.get(child) : producers.get(child - consumers.size());
    }

    private String describe(int child) {
        return (child < consumers.size() ? "consumer " + child : "producer " + (child - consumers.size())) + ": "
                + process(child).describe();
    }

    private String describeAll() {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < consumers.size() + producers.size(); c++) {
            sb.append(describe(c)).append('\n');
        }
        return sb.toString();
    }

    @Override
    public void close() {
        consumers.forEach(ChildJvm::close);
        producers.forEach(ChildJvm::close);
    }
}
