package io.h2mq.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;

import io.h2mq.bench.Env;
import io.h2mq.bench.Metric;
import io.h2mq.bench.Parallel;

/**
 * One publisher, S non-durable subscribers (each its own session and thread on one subscriber connection), every
 * subscriber gets every message. PERSISTENT, the default delivery mode (the peers store nothing for a topic with no
 * durable subscription; h2mq stores the message once). The figure is deliveries per second (published × S), from
 * the first publish until every subscriber has received all.
 */
public final class TopicFanOut implements Workload {
    private final int subscribers;
    private final Metric deliveries = Metric.rate("deliveries");

    public TopicFanOut(int subscribers) {
        this.subscribers = subscribers;
    }

    @Override
    public String name() {
        return "4. topic, 1 publisher -> " + subscribers + " subscribers";
    }

    @Override
    public String key() {
        return "topic";
    }

    @Override
    public int defaultCount() {
        return 2_000;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(deliveries);
    }

    @Override
    public Map<Metric, Double> run(Env env, String destination, int count) throws Exception {
        try (Connection subscriberConnection = env.factory().createConnection();
                Connection publisherConnection = env.factory().createConnection()) {
            subscriberConnection.start();
            List<Callable<Void>> clients = new ArrayList<>();
            for (int i = 0; i < subscribers; i++) {
                Session session = subscriberConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createTopic(destination));
                clients.add(() -> {
                    Traffic.receive(env, session, consumer, count, 0, name());
                    return null;
                });
            }
            Session session = publisherConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic topic = session.createTopic(destination);
            MessageProducer publisher = session.createProducer(topic);
            publisher.setDeliveryMode(DeliveryMode.PERSISTENT);
            clients.add(() -> {
                Traffic.send(env, session, publisher, count, 0);
                return null;
            });
            long start = System.nanoTime();
            Parallel.run(clients, env.config().receiveTimeoutMillis() * 10);
            return Map.of(deliveries, Traffic.rate((long) count * subscribers, System.nanoTime() - start));
        }
    }
}
