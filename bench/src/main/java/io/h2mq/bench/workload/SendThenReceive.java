package io.h2mq.bench.workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import io.h2mq.bench.Env;
import io.h2mq.bench.Metric;

/**
 * One producer sends N messages to an empty queue, then (producer closed) one consumer receives them all: the send
 * rate (each PERSISTENT send waits for the disk unless the session is transacted, where the commit does) and the
 * receive rate from a standing backlog of N. Three rows use it: persistent AUTO_ACKNOWLEDGE, transacted with
 * {@code batch} messages per commit (sends and receives), and NON_PERSISTENT AUTO_ACKNOWLEDGE.
 */
public final class SendThenReceive implements Workload {
    private final String name;
    private final String key;
    private final int defaultCount;
    private final int deliveryMode;
    private final int batch;
    private final Metric send = Metric.rate("send");
    private final Metric receive = Metric.rate("receive");

    private SendThenReceive(String name, String key, int defaultCount, int deliveryMode, int batch) {
        this.name = name;
        this.key = key;
        this.defaultCount = defaultCount;
        this.deliveryMode = deliveryMode;
        this.batch = batch;
    }

    /** 1 producer then 1 consumer, PERSISTENT, AUTO_ACKNOWLEDGE. */
    public static SendThenReceive persistent() {
        return new SendThenReceive("1. persistent, 1 producer then 1 consumer", "persistent", 2_000,
                DeliveryMode.PERSISTENT, 0);
    }

    /** The same through SESSION_TRANSACTED sessions, {@code batch} messages per commit. */
    public static SendThenReceive transacted(int batch) {
        return new SendThenReceive("3. transacted, " + batch + " per commit", "transacted", 20_000,
                DeliveryMode.PERSISTENT, batch);
    }

    /** The same with NON_PERSISTENT messages, AUTO_ACKNOWLEDGE. */
    public static SendThenReceive nonPersistent() {
        return new SendThenReceive("6. non-persistent, 1 producer then 1 consumer", "nonpersistent", 20_000,
                DeliveryMode.NON_PERSISTENT, 0);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public int defaultCount() {
        return defaultCount;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(send, receive);
    }

    @Override
    public Map<Metric, Double> run(Env env, String destination, int count) throws Exception {
        boolean transacted = batch > 0;
        try (Connection connection = env.factory().createConnection()) {
            connection.start();
            Session session = connection.createSession(transacted,
                    transacted ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue(destination);

            long t0 = System.nanoTime();
            try (MessageProducer producer = session.createProducer(queue)) {
                producer.setDeliveryMode(deliveryMode);
                Traffic.send(env, session, producer, count, batch);
            }
            long t1 = System.nanoTime();
            try (MessageConsumer consumer = session.createConsumer(queue)) {
                Traffic.receive(env, session, consumer, count, batch, name);
            }
            long t2 = System.nanoTime();

            Map<Metric, Double> result = new LinkedHashMap<>();
            result.put(send, Traffic.rate(count, t1 - t0));
            result.put(receive, Traffic.rate(count, t2 - t1));
            return result;
        }
    }
}
