package io.h2mq.ra.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.h2mq.H2mqQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class QueueActivationTest {
    private static final H2mqQueue ORDERS = new H2mqQueue("orders");

    @TempDir
    Path dir;
    private TestStore store;
    private ThreadPoolWorkManager workManager;
    private Activations activations;

    @BeforeEach
    void setUp() {
        store = new TestStore(dir);
        workManager = new ThreadPoolWorkManager();
        activations = new Activations(workManager, store.adapterSettings(), null);
    }

    @AfterEach
    void tearDown() {
        activations.stopAll();
        workManager.close();
    }

    static H2mqActivationSpec queueSpec(int maxSession) {
        H2mqActivationSpec spec = new H2mqActivationSpec();
        spec.setDestination(ORDERS.name());
        spec.setDestinationType("jakarta.jms.Queue");
        spec.setMaxSession(maxSession);
        return spec;
    }

    @Test
    void everyMessageIsDeliveredExactlyOnceAcrossFiveSessions() throws Exception {
        RecordingEndpointFactory bean = RecordingEndpointFactory.accepting(false);
        H2mqActivationSpec spec = queueSpec(5);
        activations.activate(bean, spec);

        store.sendMany(ORDERS, "order", 1000);

        Waits.waitFor(() -> bean.receivedCount() >= 1000);
        activations.deactivate(bean, spec);
        assertExactlyOnce(bean.received(), 1000);
        assertTrue(bean.maxInFlight.get() <= 5, "at most maxSession deliveries at once: " + bean.maxInFlight);
        assertEquals(List.of(), store.drain(ORDERS));
    }

    @Test
    void transactedDeliveryConsumesEveryMessageExactlyOnce() throws Exception {
        RecordingEndpointFactory bean = RecordingEndpointFactory.accepting(true);
        H2mqActivationSpec spec = queueSpec(5);
        activations.activate(bean, spec);

        store.sendMany(ORDERS, "order", 300);

        Waits.waitFor(() -> bean.receivedCount() >= 300);
        activations.deactivate(bean, spec);
        assertExactlyOnce(bean.received(), 300);
        assertEquals(0, bean.rollbacks.get());
        assertEquals(List.of(), store.drain(ORDERS));
    }

    /** GlassFish refuses endpoints until it has deployed the bean, which it does after endpointActivation returns. */
    @Test
    void activationReturnsWhileTheContainerCannotCreateEndpointsAndDeliversOnceItCan() throws Exception {
        RecordingEndpointFactory bean = RecordingEndpointFactory.accepting(true);
        bean.deploying = true;
        H2mqActivationSpec spec = queueSpec(3);
        activations.activate(bean, spec);
        store.sendMany(ORDERS, "order", 50);

        Waits.waitFor(() -> bean.refused.get() >= 3);
        assertEquals(0, bean.receivedCount(), "delivered without an endpoint");
        bean.deploying = false;

        Waits.waitFor(() -> bean.receivedCount() >= 50);
        activations.deactivate(bean, spec);
        assertExactlyOnce(bean.received(), 50);
        assertEquals(bean.created.get(), bean.released.get(), "every endpoint created was released");
        assertEquals(List.of(), store.drain(ORDERS));
    }

    @Test
    void deliversUpToMaxSessionMessagesAtOnce() throws Exception {
        CountDownLatch threeAtOnce = new CountDownLatch(3);
        RecordingEndpointFactory bean = new RecordingEndpointFactory(false, (m, r) -> {
            threeAtOnce.countDown();
            if (!threeAtOnce.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("fewer than 3 deliveries ran at once");
            }
        });
        H2mqActivationSpec spec = queueSpec(3);
        activations.activate(bean, spec);

        store.sendMany(ORDERS, "order", 9);

        Waits.waitFor(() -> bean.receivedCount() >= 9);
        activations.deactivate(bean, spec);
        assertEquals(3, bean.maxInFlight.get());
        assertExactlyOnce(bean.received(), 9);
    }

    @Test
    void aSelectorLeavesOtherMessagesOnTheQueue() throws Exception {
        RecordingEndpointFactory bean = RecordingEndpointFactory.accepting(false);
        H2mqActivationSpec spec = queueSpec(2);
        spec.setMessageSelector("kind = 'wanted'");
        activations.activate(bean, spec);

        try (var connection = store.connect()) {
            var session = connection.createSession();
            var producer = session.createProducer(ORDERS);
            for (String kind : List.of("other", "wanted", "other", "wanted")) {
                var message = session.createTextMessage(kind);
                message.setStringProperty("kind", kind);
                producer.send(message);
            }
        }

        Waits.waitFor(() -> bean.receivedCount() >= 2);
        activations.deactivate(bean, spec);
        assertEquals(List.of("wanted", "wanted"), bean.received().stream().map(Received::text).toList());
        assertEquals(List.of("other", "other"), store.drain(ORDERS));
    }

    @Test
    void deactivationReleasesEveryEndpointItCreated() throws Exception {
        RecordingEndpointFactory bean = RecordingEndpointFactory.accepting(true);
        H2mqActivationSpec spec = queueSpec(4);
        activations.activate(bean, spec);
        store.send(ORDERS, "one");
        Waits.waitFor(() -> bean.receivedCount() >= 1);
        // Each session creates its endpoint when its delivery thread first runs.
        Waits.waitFor(() -> bean.created.get() == 4);

        activations.deactivate(bean, spec);

        assertEquals(4, bean.released.get());
    }

    static void assertExactlyOnce(List<Received> received, int n) {
        Set<String> expected = IntStream.range(0, n).mapToObj(i -> "order-" + i)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(n, received.size(), "deliveries");
        assertEquals(expected, received.stream().map(Received::text).collect(Collectors.toCollection(TreeSet::new)));
        assertTrue(received.stream().noneMatch(Received::redelivered), "no message redelivered");
    }
}
