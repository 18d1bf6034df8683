package io.h2mq.crash;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

import io.h2mq.H2mqConnectionFactory;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/**
 * Sends one BytesMessage of {@code size} bytes, written in 1 MiB chunks so that the application never holds the
 * body itself, drops it, receives it and reads it back in 1 MiB chunks, checking length and CRC-32. Meant to run in a
 * heap smaller than three copies of the body ({@code -Xmx256m} for 100 MiB): the provider may hold the body once.
 *
 * <pre>
 * java -Xmx256m -cp ... io.h2mq.crash.LargeMessageRoundTrip /tmp/large 104857600
 * </pre>
 *
 * Prints one line of {@code key=value} pairs starting with {@value #RESULT}: the sizes and checksums, the times of
 * the send and of the receive (with the read), the most heap seen in use (sampled every 5 ms, garbage included), the
 * maximum heap, and the heap live (after {@code System.gc()}) at four points: connected, with the body written into
 * the message, after the send with the application still holding its message, and with the received message read
 * and still held. Each of the last three should exceed the first by one body, not two. Exits 1 with a
 * {@code FAILED} line otherwise.
 */
public final class LargeMessageRoundTrip {
    static final String RESULT = "ROUND_TRIP";
    private static final int CHUNK = 1 << 20;

    private LargeMessageRoundTrip() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        long size = Long.parseLong(args[1]);
        Files.createDirectories(dir);
        HeapWatch heap = HeapWatch.start();
        try (Connection connection = new H2mqConnectionFactory("jdbc:h2:file:" + dir.resolve("large"))
                .createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("large");
            MessageProducer producer = session.createProducer(queue);
            long connected = liveHeap();
            long t0 = System.nanoTime();
            CRC32 sentCrc = new CRC32();
            BytesMessage message = write(session, size, sentCrc);
            long written = liveHeap();
            long t1 = System.nanoTime();
            producer.send(message);
            long t2 = System.nanoTime();
            long sent = liveHeap();
            message = null;
            connection.start();
            long t3 = System.nanoTime();
            BytesMessage received = (BytesMessage) session.createConsumer(queue).receive(60_000);
            if (received == null) {
                fail("the message did not come back within 60 s");
            }
            CRC32 crc = new CRC32();
            long length = readAll(received, crc);
            long t4 = System.nanoTime();
            heap.stop();
            long held = liveHeap();
            System.out.printf(Locale.ROOT, "%s size=%d received=%d sentCrc=%x receivedCrc=%x writeMillis=%d "
                    + "sendMillis=%d receiveMillis=%d peakHeapUsed=%d maxHeap=%d liveConnected=%d liveWritten=%d "
                    + "liveSent=%d liveReceived=%d%n", RESULT, size, length, sentCrc.getValue(), crc.getValue(),
                    millis(t0, t1), millis(t1, t2), millis(t3, t4), heap.peakUsed(),
                    Runtime.getRuntime().maxMemory(), connected, written, sent, held);
            System.out.flush();
            if (received.getBodyLength() != size) {
                fail("the received message changed while measuring");
            }
        }
    }

    /** Writes the body chunk by chunk into a new message, adding it to {@code crc}. */
    private static BytesMessage write(Session session, long size, CRC32 crc) throws JMSException {
        byte[] chunk = new byte[CHUNK];
        BytesMessage message = session.createBytesMessage();
        message.setLongProperty("size", size);
        for (long written = 0; written < size; written += CHUNK) {
            int n = (int) Math.min(CHUNK, size - written);
            fill(chunk, written);
            crc.update(chunk, 0, n);
            message.writeBytes(chunk, 0, n);
        }
        return message;
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    /** Heap in use right after a full collection: what is live. */
    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long readAll(BytesMessage message, CRC32 crc) throws JMSException {
        byte[] chunk = new byte[CHUNK];
        long length = 0;
        int n;
        while ((n = message.readBytes(chunk)) > 0) {
            crc.update(chunk, 0, n);
            length += n;
        }
        if (length != message.getBodyLength()) {
            fail("read " + length + " bytes of a body of " + message.getBodyLength());
        }
        return length;
    }

    /** Every byte depends on its position, so a chunk lost, repeated or misplaced changes the checksum. */
    private static void fill(byte[] chunk, long offset) {
        for (int i = 0; i < chunk.length; i++) {
            long position = offset + i;
            chunk[i] = (byte) (position * 31 + (position >>> 20));
        }
    }

    private static void fail(String why) {
        System.out.println("FAILED: " + why);
        System.out.flush();
        System.exit(1);
    }

    /** Samples the heap in use, garbage included. */
    private static final class HeapWatch implements Runnable {
        private final AtomicLong peakUsed = new AtomicLong();
        private final Thread thread = new Thread(this, "heap-watch");
        private volatile boolean running = true;

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            watch.thread.setDaemon(true);
            watch.thread.start();
            return watch;
        }

        @Override
        public void run() {
            while (running) {
                sample();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void sample() {
            peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        }

        long peakUsed() {
            return peakUsed.get();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join();
            sample();
        }
    }
}
