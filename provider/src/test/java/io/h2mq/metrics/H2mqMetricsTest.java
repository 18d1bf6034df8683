package io.h2mq.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.H2mqConnectionFactory;
import io.h2mq.H2mqOptions;
import io.h2mq.management.StoreAdmin;
import io.h2mq.testing.TestStores;

import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

/** The meters of a store in a Micrometer registry. */
@Timeout(60)
class H2mqMetricsTest {
    @TempDir
    Path dir;

    private H2mqOptions options() {
        H2mqOptions options = new H2mqOptions();
        options.setUrl(TestStores.url(dir));
        options.setJmx(false);
        options.setMaxDeliveryAttempts(1);
        return options;
    }

    private static void send(Session session, String queue, int count) throws JMSException {
        MessageProducer producer = session.createProducer(session.createQueue(queue));
        for (int i = 0; i < count; i++) {
            producer.send(session.createTextMessage("m" + i));
        }
    }

    /** Reads every meter, as a scrape does (a measurement is read only when its value is asked for). */
    private static void read(MeterRegistry registry) {
        registry.getMeters().forEach(m -> m.measure().forEach(Measurement::getValue));
    }

    @Test
    void theMetersShowTheFiguresOfEachQueueAndSubscription() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Connection connection = new H2mqConnectionFactory(options()).createConnection();
             StoreAdmin admin = StoreAdmin.open(options());
             H2mqMetrics metrics = new H2mqMetrics(admin)) {
            connection.setClientID("billing");
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createDurableSubscriber(session.createTopic("prices"), "ticker").close();
            send(session, "orders", 5);
            session.createProducer(session.createTopic("prices")).send(session.createTextMessage("p"));
            MessageConsumer consumer = session.createConsumer(session.createQueue("orders"));
            assertNotNull(consumer.receive(5000));
            assertNotNull(consumer.receive(5000));

            metrics.bindTo(registry);

            assertEquals(3, registry.get("h2mq.depth").tag("destination", "orders").gauge().value());
            assertEquals(5, registry.get("h2mq.enqueued").tag("destination", "orders").functionCounter().count());
            assertEquals(2, registry.get("h2mq.acknowledged").tag("destination", "orders").functionCounter()
                    .count());
            assertEquals(1, registry.get("h2mq.consumers").tag("destination", "orders").gauge().value());
            assertEquals(0, registry.get("h2mq.expired").tag("destination", "orders").functionCounter().count());
            assertTrue(registry.get("h2mq.depth.bytes").tag("destination", "orders").gauge().value() > 0);
            assertTrue(registry.get("h2mq.oldest.message.age").tag("destination", "orders").timeGauge()
                    .value() >= 0);
            assertEquals(1, registry.get("h2mq.depth").tags("kind", "subscription", "destination", "prices",
                    "subscription", "billing:ticker").gauge().value());
            assertEquals("queue", registry.get("h2mq.in.flight").tag("destination", "orders").gauge().getId()
                    .getTag("kind"));
        }
        assertNull(registry.find("h2mq.depth").gauge(), "closing removes the meters");
    }

    @Test
    void aQueueCreatedAfterBindingGetsItsMetersAtTheNextReading() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Connection connection = new H2mqConnectionFactory(options()).createConnection();
             StoreAdmin admin = StoreAdmin.open(options());
             H2mqMetrics metrics = new H2mqMetrics(admin)) {
            metrics.bindTo(registry);
            assertNull(registry.find("h2mq.depth").tag("destination", "late").gauge());
            send(connection.createSession(false, Session.AUTO_ACKNOWLEDGE), "late", 2);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (registry.find("h2mq.depth").tag("destination", "late").gauge() == null) {
                assertTrue(System.nanoTime() < deadline, "no meters for queue late");
                read(registry);
                Thread.sleep(100);
            }
            assertEquals(2, registry.get("h2mq.depth").tag("destination", "late").gauge().value());
        }
    }

    @Test
    void withTheMetricsOptionTheEngineBindsToTheGlobalRegistryWhileItRuns() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try {
            H2mqOptions options = options();
            options.setMetrics(true);
            try (Connection connection = new H2mqConnectionFactory(options).createConnection()) {
                send(connection.createSession(false, Session.AUTO_ACKNOWLEDGE), "orders", 1);
                try (StoreAdmin admin = StoreAdmin.open(options)) {
                    admin.statistics();
                }
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (registry.find("h2mq.depth").tag("destination", "orders").gauge() == null) {
                    assertTrue(System.nanoTime() < deadline, "no meters for queue orders");
                    read(Metrics.globalRegistry);
                    Thread.sleep(100);
                }
                assertEquals(1, registry.get("h2mq.depth").tag("destination", "orders").gauge().value());
            }
            assertNull(registry.find("h2mq.depth").tag("destination", "orders").gauge(),
                    "the meters go with the engine");
        } finally {
            Metrics.removeRegistry(registry);
        }
    }
}
