package io.h2mq.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import io.h2mq.bench.Env;
import io.h2mq.bench.Metric;
import io.h2mq.bench.Parallel;

/**
 * P producers and C competing consumers on one queue at the same time, PERSISTENT, AUTO_ACKNOWLEDGE, each client
 * on its own connection and thread (as separate application instances would be). The consumers are subscribed
 * before the first send; the figure is messages delivered per second, from the first send to the last delivery.
 * This is the row group commit is for: many callers each waiting for the disk at the same time.
 */
public final class ConcurrentQueue implements Workload {
    private final int producers;
    private final int consumers;
    private final Metric delivered = Metric.rate("delivered");

    public ConcurrentQueue(int producers, int consumers) {
        this.producers = producers;
        this.consumers = consumers;
    }

    @Override
    public String name() {
        return "2. persistent, " + producers + " producers + " + consumers + " consumers";
    }

    @Override
    public String key() {
        return "concurrent";
    }

    @Override
    public int defaultCount() {
        return 4_000;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(delivered);
    }

    @Override
    public Map<Metric, Double> run(Env env, String destination, int count) throws Exception {
        int perProducer = Math.max(1, count / producers);
        int total = perProducer * producers;
        AtomicInteger received = new AtomicInteger();
        AtomicLong lastDelivery = new AtomicLong();
        long deadline = System.nanoTime() + env.config().receiveTimeoutMillis() * 1_000_000L * 10;

        List<Connection> connections = new ArrayList<>();
        try {
            List<Callable<Void>> clients = new ArrayList<>();
            for (int i = 0; i < consumers; i++) {
                Connection c = open(env, connections);
                Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createQueue(destination));
                clients.add(() -> {
                    while (received.get() < total) {
                        if (consumer.receive(100) != null) {
                            received.incrementAndGet();
                            lastDelivery.set(System.nanoTime());
                        } else if (System.nanoTime() > deadline) {
                            throw new IllegalStateException(name() + ": " + received.get() + " of " + total);
                        }
                    }
                    return null;
                });
            }
            for (int i = 0; i < producers; i++) {
                Connection c = open(env, connections);
                Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createQueue(destination));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                clients.add(() -> {
                    Traffic.send(env, session, producer, perProducer, 0);
                    return null;
                });
            }
            long start = System.nanoTime();
            Parallel.run(clients, env.config().receiveTimeoutMillis() * 10);
            return Map.of(delivered, Traffic.rate(total, lastDelivery.get() - start));
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    private static Connection open(Env env, List<Connection> connections) throws Exception {
        Connection c = env.factory().createConnection();
        connections.add(c);
        c.start();
        return c;
    }
}
