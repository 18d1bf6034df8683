package io.h2mq.crash;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.h2mq.H2mqConnectionFactory;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/**
 * Sends a backlog of PERSISTENT BytesMessages to a queue and drains it, both through transacted sessions committing
 * every {@value #BATCH} messages, verifying every message (sequence number in order, body size and content), and
 * prints times, rates, peak heap and the store's size on disk. Meant to run in a small heap ({@code -Xmx256m}):
 * messages must wait in the database, not in memory.
 *
 * <pre>
 * ./mvnw -q -o -pl provider test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx256m -XX:+ExitOnOutOfMemoryError \
 *     -cp "$(cat /tmp/cp.txt):provider/target/classes:provider/target/test-classes" \
 *     io.h2mq.crash.BacklogDrill /tmp/drill 1000000 1024
 * </pre>
 *
 * The store directory should be new: the drill expects the queue empty when it starts. Progress goes to stderr.
 *
 * Exits 0 and prints {@code drained <count> messages} when everything came back as sent; exits 1 otherwise.
 */
public final class BacklogDrill {
    static final int BATCH = 1000;
    static final String SEQ = "seq";
    private static final String QUEUE = "backlog.drill";

    private BacklogDrill() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        int count = Integer.parseInt(args[1]);
        int size = Integer.parseInt(args[2]);
        Files.createDirectories(dir);
        HeapSampler heap = HeapSampler.start();
        String url = "jdbc:h2:file:" + dir.resolve("backlog");
        try (Connection connection = new H2mqConnectionFactory(url).createConnection()) {
            long t0 = System.nanoTime();
            send(connection, count, size);
            long t1 = System.nanoTime();
            report("sent", count, size, t1 - t0);
            System.out.printf(Locale.ROOT, "store size after send: %s%n", mib(storeBytes(dir)));
            long drained = drain(connection, count, size);
            long t2 = System.nanoTime();
            report("drained", drained, size, t2 - t1);
        }
        heap.stop();
        System.out.printf(Locale.ROOT, "peak heap used: %s sampled every 50 ms, %s as the sum of the heap pools' "
                + "peaks, %s live after a collection at most; max heap %s%n", mib(heap.peak()), mib(poolPeaks()),
                mib(heap.peakAfterCollection()), mib(Runtime.getRuntime().maxMemory()));
        System.out.printf(Locale.ROOT, "store size after drain (store closed): %s%n", mib(storeBytes(dir)));
        System.out.flush();
    }

    private static void send(Connection connection, int count, int size) throws JMSException {
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        byte[] body = new byte[size];
        for (int seq = 0; seq < count; seq++) {
            fill(body, seq);
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body);
            message.setLongProperty(SEQ, seq);
            producer.send(message);
            if ((seq + 1) % BATCH == 0) {
                session.commit();
                progress("sent", seq + 1, count);
            }
        }
        session.commit();
        session.close();
    }

    private static long drain(Connection connection, int count, int size) throws JMSException {
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = session.createQueue(QUEUE);
        MessageConsumer consumer = session.createConsumer(queue);
        connection.start();
        byte[] expected = new byte[size];
        byte[] actual = new byte[size + 1];
        for (int seq = 0; seq < count; seq++) {
            Message message = consumer.receive(30_000);
            if (message == null) {
                fail("message " + seq + " of " + count + " did not come within 30 s");
            }
            long got = message.getLongProperty(SEQ);
            if (got != seq) {
                fail("expected message " + seq + ", got " + got);
            }
            BytesMessage bytes = (BytesMessage) message;
            int length = bytes.readBytes(actual);
            fill(expected, seq);
            if (length != size || !java.util.Arrays.equals(expected, 0, size, actual, 0, size)) {
                fail("message " + seq + " has a body of " + length + " bytes that differs from the one sent");
            }
            if ((seq + 1) % BATCH == 0) {
                session.commit();
                progress("drained", seq + 1, count);
            }
        }
        session.commit();
        Message extra = consumer.receiveNoWait();
        if (extra != null) {
            fail("the queue still holds message " + extra.getLongProperty(SEQ) + " after " + count + " were drained");
        }
        session.close();
        return count;
    }

    private static void fill(byte[] body, long seq) {
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (seq * 31 + i);
        }
    }

    private static void fail(String why) {
        System.out.println("FAILED: " + why);
        System.out.flush();
        System.exit(1);
    }

    private static long lastProgress = System.nanoTime();

    /** A line to stderr every 100,000 messages or 10 s, whichever comes first. */
    private static void progress(String what, int done, int count) {
        long now = System.nanoTime();
        if (done % 100_000 == 0 || now - lastProgress > 10_000_000_000L) {
            lastProgress = now;
            System.err.printf(Locale.ROOT, "%s %d of %d, heap used %s%n", what, done, count,
                    mib(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()));
        }
    }

    private static void report(String what, long count, int size, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf(Locale.ROOT, "%s %d messages of %d bytes in %.1f s: %.0f msg/s, %.2f MiB/s%n", what, count,
                size, seconds, count / seconds, count * (double) size / seconds / (1 << 20));
    }

    private static long poolPeaks() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long storeBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
    }

    /** Samples the heap in use, which is the figure the sum of pool peaks only bounds from above. */
    private static final class HeapSampler implements Runnable {
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong peakAfterCollection = new AtomicLong();
        private final Thread thread = new Thread(this, "heap-sampler");
        private volatile boolean running = true;

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            sampler.thread.setDaemon(true);
            sampler.thread.start();
            return sampler;
        }

        @Override
        public void run() {
            while (running) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                long afterCollection = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                        afterCollection += pool.getCollectionUsage().getUsed();
                    }
                }
                peakAfterCollection.accumulateAndGet(afterCollection, Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long peak() {
            return peak.get();
        }

        /** The most heap found in use just after a collection: what the drill really kept alive. */
        long peakAfterCollection() {
            return peakAfterCollection.get();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join();
        }
    }
}
