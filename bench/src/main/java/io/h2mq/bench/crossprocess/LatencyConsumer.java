package io.h2mq.bench.crossprocess;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

/**
 * The consumer process of the cross-process latency workload: receives from the queue on its own (AUTO_ACKNOWLEDGE)
 * and records, for every measured message, the delivery latency: its arrival in the application (the wall clock, in
 * microseconds) minus the send time the producer stamped on it (see {@link LatencyProducer}). Three ways to receive,
 * the argument {@code mode}:
 * <ul>
 * <li>{@code listener}: a MessageListener, as applications consume;</li>
 * <li>{@code receive}: a thread blocked in {@code receive()} without timeout;</li>
 * <li>{@code poll}: {@code receive(100)} in a loop.</li>
 * </ul>
 * Prints {@code ready} once started; at the end-marked message {@code result <delivered> <p50> <p99> <max>}
 * (microseconds); and if no message arrives for {@code stall} seconds, {@code stalled <delivered> ...} with what it
 * has. Exits 0 either way: a provider that does not deliver is a figure of the run, not a crash of the bench.
 *
 * <p>Arguments: client spec ({@link ClientFactories}), queue, mode, expected measured count, stall seconds.
 */
public final class LatencyConsumer {
    private final long[] micros;
    private final AtomicInteger arrived = new AtomicInteger();
    private final CountDownLatch end = new CountDownLatch(1);
    private volatile int delivered;

    private LatencyConsumer(int expected) {
        this.micros = new long[expected];
    }

    public static void main(String[] args) throws Exception {
        String spec = args[0];
        String queue = args[1];
        String mode = args[2];
        LatencyConsumer consumer = new LatencyConsumer(Integer.parseInt(args[3]));
        int stallSeconds = Integer.parseInt(args[4]);
        Connection connection = ClientFactories.create(spec).createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer jmsConsumer = session.createConsumer(session.createQueue(queue));
        consumer.start(mode, jmsConsumer);
        connection.start();
        System.out.println("ready");
        boolean ended = consumer.awaitEnd(stallSeconds);
        System.out.println((ended ? "result " : "stalled ") + consumer.summary());
        System.exit(0); // a receiving thread may still be blocked in the provider
    }

    private void start(String mode, MessageConsumer consumer) throws JMSException {
        switch (mode) {
            case "listener" -> consumer.setMessageListener(this::arrived);
            case "receive", "poll" -> {
                long timeout = mode.equals("poll") ? 100 : 0;
                Thread receiver = new Thread(() -> receiveLoop(consumer, timeout), "receiver");
                receiver.setDaemon(true);
                receiver.start();
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    private void receiveLoop(MessageConsumer consumer, long timeout) {
        try {
            while (end.getCount() > 0) {
                Message m = consumer.receive(timeout);
                if (m != null) {
                    arrived(m);
                }
            }
        } catch (JMSException e) {
            e.printStackTrace();
        }
    }

    private void arrived(Message m) {
        long now = LatencyProducer.nowMicros();
        arrived.incrementAndGet();
        try {
            if (m.getBooleanProperty(LatencyProducer.END)) {
                end.countDown();
            } else if (!m.getBooleanProperty(LatencyProducer.WARMUP) && delivered < micros.length) {
                micros[delivered] = now - m.getLongProperty(LatencyProducer.SENT_MICROS);
                delivered++;
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the end marker; false when no message arrived for {@code stallSeconds}. */
    private boolean awaitEnd(int stallSeconds) throws InterruptedException {
        int seen = -1;
        while (!end.await(stallSeconds, TimeUnit.SECONDS)) {
            int now = arrived.get();
            if (now == seen) {
                return false;
            }
            seen = now;
        }
        return true;
    }

    /** Delivered count and p50, p99, max in microseconds (nearest rank), 0s when nothing was delivered. */
    private String summary() {
        int n = delivered;
        long[] sorted = Arrays.copyOf(micros, n);
        Arrays.sort(sorted);
        return n + " " + rank(sorted, 0.50) + " " + rank(sorted, 0.99) + " " + (n == 0 ? 0 : sorted[n - 1]);
    }

    private static long rank(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }
}
