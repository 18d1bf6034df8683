package io.h2mq.ra.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import io.h2mq.H2mqQueue;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A bean whose onMessage throws gets the message again, transacted (rollback) or not (recover). */
@Timeout(60)
class RedeliveryTest {
    private static final H2mqQueue ORDERS = new H2mqQueue("orders");
    private static final H2mqQueue DLQ = new H2mqQueue("DLQ");

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

    private static RecordingEndpointFactory failingFirstTime(boolean transacted) {
        return new RecordingEndpointFactory(transacted, (m, r) -> {
            if (r.deliveryCount() == 1) {
                throw new IllegalStateException("bean fails on the first delivery of " + r.text());
            }
        });
    }

    @Test
    void transactedDeliveryThatFailsBeforeTheBeanRunsIsRolledBackNotConsumed() throws Exception {
        activations.stopAll();
        activations = new Activations(workManager, store.adapterSettings(), new ThreadTransactionRegistry());
        RecordingEndpointFactory bean = new RecordingEndpointFactory(true, (m, r) -> {
            if (r.deliveryCount() == 1) {
                throw new RecordingEndpoint.ComponentUnavailable("bean is being undeployed");
            }
        });
        H2mqActivationSpec spec = QueueActivationTest.queueSpec(1);
        activations.activate(bean, spec);

        store.send(ORDERS, "order-0");

        Waits.waitFor(() -> bean.receivedCount() >= 2);
        activations.deactivate(bean, spec);
        List<Received> received = bean.received();
        assertEquals(2, received.size(), "deliveries: " + received);
        assertTrue(received.get(1).redelivered(), "the failed delivery's transaction was rolled back: " + received);
        assertEquals(2, received.get(1).deliveryCount());
        assertEquals(1, bean.rollbacks.get());
    }

    @ParameterizedTest(name = "transacted={0}")
    @ValueSource(booleans = {false, true})
    void messageWhoseOnMessageThrowsComesBackMarkedRedelivered(boolean transacted) throws Exception {
        RecordingEndpointFactory bean = failingFirstTime(transacted);
        H2mqActivationSpec spec = QueueActivationTest.queueSpec(1);
        activations.activate(bean, spec);

        store.send(ORDERS, "order-0");

        Waits.waitFor(() -> bean.receivedCount() >= 2);
        activations.deactivate(bean, spec);
        List<Received> received = bean.received();
        assertEquals(2, received.size(), "deliveries: " + received);
        assertFalse(received.get(0).redelivered());
        assertEquals(1, received.get(0).deliveryCount());
        assertEquals(received.get(0).messageId(), received.get(1).messageId());
        assertTrue(received.get(1).redelivered());
        assertEquals(2, received.get(1).deliveryCount());
        assertEquals(List.of(), store.drain(ORDERS), "the second delivery was consumed");
        if (transacted) {
            assertEquals(1, bean.rollbacks.get());
        }
    }

    @ParameterizedTest(name = "transacted={0}")
    @ValueSource(booleans = {false, true})
    void messageThatKeepsFailingMovesToTheDeadLetterQueueAfterMaxDeliveryAttempts(boolean transacted)
            throws Exception {
        RecordingEndpointFactory bean = new RecordingEndpointFactory(transacted, (m, r) -> {
            throw new IllegalStateException("bean always fails on " + r.text());
        });
        H2mqActivationSpec spec = QueueActivationTest.queueSpec(2);
        spec.setOptions("maxDeliveryAttempts=3;deadLetterQueue=DLQ");
        activations.activate(bean, spec);

        store.send(ORDERS, "poison");

        Waits.waitFor(() -> bean.receivedCount() >= 3);
        // The move happens when the fourth claim finds the count reached.
        Waits.waitFor(() -> store.count(DLQ) == 1);
        activations.deactivate(bean, spec);
        List<Message> dead = store.drainMessages(DLQ);
        assertEquals(List.of(1, 2, 3), bean.received().stream().map(Received::deliveryCount).toList());
        assertEquals(1, dead.size());
        assertEquals("poison", ((TextMessage) dead.get(0)).getText());
        assertEquals(List.of(), store.drain(ORDERS));
    }
}
