package io.h2mq.ra.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import io.h2mq.H2mqTopic;

import jakarta.jms.Connection;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class DurableTopicActivationTest {
    private static final H2mqTopic PRICES = new H2mqTopic("prices");

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

    private static H2mqActivationSpec durableSpec(int maxSession) {
        H2mqActivationSpec spec = new H2mqActivationSpec();
        spec.setDestination(PRICES.name());
        spec.setDestinationType("jakarta.jms.Topic");
        spec.setSubscriptionDurability("Durable");
        spec.setSubscriptionName("price-watch");
        spec.setClientId("watcher");
        spec.setMaxSession(maxSession);
        spec.setShareSubscriptions(maxSession > 1);
        return spec;
    }

    /** maxSession 1: an unshared durable subscription; 4: a shared durable one, split among the sessions. */
    @ParameterizedTest(name = "maxSession={0}")
    @ValueSource(ints = {1, 4})
    void messagesPublishedWhileDeactivatedArriveAfterReactivation(int maxSession) throws Exception {
        RecordingEndpointFactory bean = RecordingEndpointFactory.accepting(false);
        int expected = 0;
        for (int cycle = 0; cycle < 3; cycle++) {
            H2mqActivationSpec spec = durableSpec(maxSession);
            activations.activate(bean, spec);
            store.sendMany(PRICES, "live" + cycle, 10);
            expected += cycle == 0 ? 10 : 20;
            int atLeast = expected;
            Waits.waitFor(() -> bean.receivedCount() >= atLeast);
            activations.deactivate(bean, spec);

            store.sendMany(PRICES, "offline" + cycle, 10);
        }
        activations.activate(bean, durableSpec(maxSession));
        int all = expected + 10;
        Waits.waitFor(() -> bean.receivedCount() >= all);
        activations.stopAll();

        List<String> texts = bean.received().stream().map(Received::text).sorted().toList();
        List<String> sent = IntStream.range(0, 3).boxed().flatMap(cycle -> IntStream.range(0, 10).boxed()
                .flatMap(i -> java.util.stream.Stream.of("live" + cycle + "-" + i, "offline" + cycle + "-" + i)))
                .sorted().toList();
        assertEquals(sent, texts, "each message once");
    }

    @ParameterizedTest(name = "maxSession={0}")
    @ValueSource(ints = {1, 4})
    void deactivationLeavesTheDurableSubscriptionFreeToUnsubscribe(int maxSession) throws Exception {
        RecordingEndpointFactory bean = RecordingEndpointFactory.accepting(true);
        H2mqActivationSpec spec = durableSpec(maxSession);
        activations.activate(bean, spec);
        store.send(PRICES, "one");
        Waits.waitFor(() -> bean.receivedCount() >= 1);
        Waits.waitFor(() -> bean.created.get() == maxSession);

        activations.deactivate(bean, spec);

        try (Connection connection = store.connect()) {
            connection.setClientID("watcher");
            connection.createSession().unsubscribe("price-watch");
        }
        assertEquals(maxSession, bean.released.get());
    }

    @Test
    void unsharedDurableSubscriptionHasOneSessionWhateverMaxSession() throws Exception {
        RecordingEndpointFactory bean = RecordingEndpointFactory.accepting(true);
        H2mqActivationSpec spec = durableSpec(1);
        spec.setMaxSession(4);
        activations.activate(bean, spec);
        store.sendMany(PRICES, "p", 20);
        Waits.waitFor(() -> bean.receivedCount() >= 20);
        activations.deactivate(bean, spec);

        assertEquals(1, bean.released.get(), "one session, so one endpoint");
        assertEquals(IntStream.range(0, 20).mapToObj(i -> "p-" + i).toList(),
                bean.received().stream().map(Received::text).toList(), "one consumer keeps the topic's order");
    }

    @Test
    void aNonDurableTopicActivationWithSeveralSessionsGetsEachMessageOnce() throws Exception {
        RecordingEndpointFactory bean = RecordingEndpointFactory.accepting(false);
        H2mqActivationSpec spec = new H2mqActivationSpec();
        spec.setDestination(PRICES.name());
        spec.setDestinationType("jakarta.jms.Topic");
        spec.setMaxSession(3);
        spec.setShareSubscriptions(true);
        activations.activate(bean, spec);

        store.sendMany(PRICES, "order", 100);

        Waits.waitFor(() -> bean.receivedCount() >= 100);
        activations.deactivate(bean, spec);
        QueueActivationTest.assertExactlyOnce(bean.received(), 100);
    }

    @Test
    void twoBeansOnOneTopicEachGetEveryMessage() throws Exception {
        RecordingEndpointFactory first = RecordingEndpointFactory.accepting(false);
        RecordingEndpointFactory second = RecordingEndpointFactory.accepting(true);
        for (RecordingEndpointFactory bean : List.of(first, second)) {
            H2mqActivationSpec spec = new H2mqActivationSpec();
            spec.setDestination(PRICES.name());
            spec.setDestinationType("jakarta.jms.Topic");
            spec.setMaxSession(2);
            spec.setShareSubscriptions(true);
            activations.activate(bean, spec);
        }

        store.sendMany(PRICES, "order", 50);

        Waits.waitFor(() -> first.receivedCount() >= 50 && second.receivedCount() >= 50);
        activations.stopAll();
        QueueActivationTest.assertExactlyOnce(first.received(), 50);
        QueueActivationTest.assertExactlyOnce(second.received(), 50);
    }
}
