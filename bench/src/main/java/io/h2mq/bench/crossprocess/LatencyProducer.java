package io.h2mq.bench.crossprocess;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

/**
 * The producer process of the cross-process latency workload: sends PERSISTENT messages at a steady rate, first
 * {@code warmup} of them (marked {@value #WARMUP}), then {@code measured}, then one marked {@value #END}. Each
 * carries its send time in microseconds of the wall clock ({@value #SENT_MICROS}), taken just before
 * {@code send()}: {@code System.nanoTime()} is not comparable between processes, {@link Instant#now()} is (the same
 * host's CLOCK_REALTIME, to the microsecond). The schedule is fixed in advance (message i is due at start + i /
 * rate, afresh for the measured messages), so a slow send delays the next ones without lowering the rate the
 * consumer sees afterwards. Prints
 * {@code sent <measured> <milliseconds>} at the end (the time the measured sends took: more than their share of the
 * schedule means the producer could not keep the rate) and exits 0.
 *
 * <p>Arguments: client spec ({@link ClientFactories}), queue, rate per second, warm-up count, measured count, body
 * bytes.
 */
public final class LatencyProducer {
    static final String SENT_MICROS = "sentMicros";
    static final String WARMUP = "warmup";
    static final String END = "end";

    private LatencyProducer() {
    }

    public static void main(String[] args) throws Exception {
        String spec = args[0];
        String queue = args[1];
        double rate = Double.parseDouble(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int measured = Integer.parseInt(args[4]);
        byte[] body = new byte[Integer.parseInt(args[5])];
        try (Connection connection = ClientFactories.create(spec).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            long period = (long) (TimeUnit.SECONDS.toNanos(1) / rate);
            long scheduleFrom = System.nanoTime();
            int scheduledFirst = 0;
            long measuredFrom = scheduleFrom;
            for (int i = 0; i <= warmup + measured; i++) {
                if (i == warmup) {
                    // A fresh schedule: a warm-up that fell behind is not caught up by a burst of measured sends.
                    scheduleFrom = System.nanoTime();
                    scheduledFirst = warmup;
                    measuredFrom = scheduleFrom;
                }
                waitUntil(scheduleFrom + (i - scheduledFirst) * period);
                BytesMessage m = session.createBytesMessage();
                m.writeBytes(body);
                m.setBooleanProperty(WARMUP, i < warmup);
                m.setBooleanProperty(END, i == warmup + measured);
                m.setLongProperty(SENT_MICROS, nowMicros());
                producer.send(m);
            }
            System.out.println("sent " + measured + " " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime()
                    - measuredFrom));
        }
        System.exit(0);
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private static void waitUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
