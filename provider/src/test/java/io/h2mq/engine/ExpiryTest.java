package io.h2mq.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.testing.TestStores;
import io.h2mq.H2mqQueue;
import io.h2mq.message.H2mqTextMessage;
import io.h2mq.message.MessageCodec;
import io.h2mq.selector.MessageSelector;
import io.h2mq.store.NewMessage;
import io.h2mq.store.StoreSettings;
import io.h2mq.store.WriteBatch;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;

/** Expiry with an injected clock: never delivered after its time, dropped or moved to the expiry queue. */
@Timeout(30)
class ExpiryTest {
    private static final int PREFETCH = io.h2mq.H2mqOptions.DEFAULT_PREFETCH;

    private static final long START = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(START);
    private Broker broker;

    private void start(String expiryQueue) throws JMSException {
        start(expiryQueue, StoreSettings.DEFAULT_EXPIRY_SCAN_MILLIS);
    }

    private void start(String expiryQueue, long expiryScanMillis) throws JMSException {
        String url = TestStores.url(dir);
        broker = Brokers.acquire(new StoreSettings(url, null, null, 4, false, StoreSettings.DEFAULT_LEASE_MILLIS,
                        StoreSettings.DEFAULT_POLL_MILLIS, expiryScanMillis), clock,
                DeliveryPolicies.of(DeliveryPolicy.DEFAULT, OverflowPolicy.UNLIMITED, expiryQueue, null));
    }

    /** Waits for the engine's own sweep, which runs every 50 ms of real time in these tests. */
    private void awaitDepth(long endpoint, long depth) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (broker.store().depth(endpoint) != depth) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for depth " + depth + " of endpoint "
                    + endpoint + ", still " + broker.store().depth(endpoint));
            Thread.yield();
        }
    }

    @AfterEach
    void release() {
        Brokers.release(broker);
    }

    private void send(H2mqQueue queue, String text, long ttl) throws JMSException {
        H2mqTextMessage message = new H2mqTextMessage(text);
        message.setJMSMessageID("ID:" + text);
        message.setJMSDestination(queue);
        message.setJMSDeliveryMode(DeliveryMode.PERSISTENT);
        message.setJMSPriority(4);
        message.setJMSTimestamp(clock.millis());
        message.setJMSExpiration(clock.millis() + ttl);
        message.setJMSDeliveryTime(clock.millis());
        byte[] body = MessageCodec.encode(message).head();
        List<NewMessage.Target> targets = broker.route(queue, message, body.length, "test");
        broker.write(new WriteBatch().send(new NewMessage(body, targets)));
    }

    @Test
    void concurrentSweepsMoveEachExpiredMessageToTheExpiryQueueOnce() throws Exception {
        start("EXPIRED");
        H2mqQueue queue = new H2mqQueue("swept");
        for (int i = 0; i < 300; i++) {
            send(queue, "m" + i, 1_000);
        }
        clock.advance(2_000);
        long endpoint = broker.queueEndpoint(queue);
        // Consumers of this process or of others sharing the store may all find the endpoint idle at once.
        java.util.concurrent.ExecutorService sweepers = java.util.concurrent.Executors.newFixedThreadPool(3);
        List<java.util.concurrent.Future<Object>> sweeps = sweepers.invokeAll(java.util.Collections.nCopies(3, () -> {
            broker.endpointIdle(endpoint, clock.millis());
            return null;
        }));
        for (java.util.concurrent.Future<Object> sweep : sweeps) {
            sweep.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        sweepers.shutdown();
        assertEquals(0, broker.store().depth(endpoint));
        assertEquals(300, broker.store().depth(broker.queueEndpoint(new H2mqQueue("EXPIRED"))),
                "each expired message moved once");
    }

    @Test
    void theSweepClearsExpiredMessagesOfAQueueNobodyConsumesFrom() throws Exception {
        start(null, 50);
        H2mqQueue queue = new H2mqQueue("unread");
        long endpoint = broker.queueEndpoint(queue);
        send(queue, "short", 1_000);
        send(queue, "long", 10_000);
        clock.advance(1_000);
        awaitDepth(endpoint, 1);
        assertEquals(List.of("ID:long"), ids(endpoint), "the message that has not expired stays");
        clock.advance(9_000);
        awaitDepth(endpoint, 0);
    }

    @Test
    void theSweepMovesExpiredMessagesNobodyConsumedToTheExpiryQueue() throws Exception {
        start("EXPIRED", 50);
        H2mqQueue queue = new H2mqQueue("unread");
        long endpoint = broker.queueEndpoint(queue);
        for (int i = 0; i < 3; i++) {
            send(queue, "m" + i, 500);
        }
        clock.advance(500);
        long expired = broker.queueEndpoint(new H2mqQueue("EXPIRED"));
        awaitDepth(expired, 3);
        assertEquals(0, broker.store().depth(endpoint));
        assertEquals(List.of("ID:m0", "ID:m1", "ID:m2"), ids(expired));
    }

    private List<String> ids(long endpoint) throws JMSException {
        List<String> ids = new java.util.ArrayList<>();
        for (io.h2mq.store.StoredEntry entry : broker.store().browse(endpoint, clock.millis(), null, 100)) {
            ids.add(MessageCodec.decode(entry.body()).getJMSMessageID());
        }
        return ids;
    }

    @Test
    void messageIsDeliveredBeforeItsExpiryAndNeverAfter() throws JMSException {
        start(null);
        H2mqQueue queue = new H2mqQueue("ttl");
        EndpointReader reader = broker.reader(broker.queueEndpoint(queue), MessageSelector.ALL, PREFETCH);
        send(queue, "early", 1_000);
        assertNotNull(reader.poll(), "delivered while it lives");
        send(queue, "late", 1_000);
        clock.advance(1_000);
        assertNull(reader.poll(), "expired at its expiration time");
        assertEquals(1, broker.store().depth(broker.queueEndpoint(queue)),
                "the expired entry was dropped; only the delivered, unacknowledged one is left");
    }

    @Test
    void expiredMessageMovesToTheExpiryQueueAndNoLongerExpires() throws JMSException {
        start("EXPIRED");
        H2mqQueue queue = new H2mqQueue("ttl");
        EndpointReader reader = broker.reader(broker.queueEndpoint(queue), MessageSelector.ALL, PREFETCH);
        send(queue, "moved", 500);
        clock.advance(501);
        assertNull(reader.poll());
        EndpointReader expired = broker.reader(broker.queueEndpoint(new H2mqQueue("EXPIRED")), MessageSelector.ALL, PREFETCH);
        clock.advance(1_000_000);
        Delivery moved = expired.poll();
        assertNotNull(moved, "moved, and never expires in the expiry queue");
        assertEquals("moved", ((TextMessage) moved.message()).getText());
        assertEquals("queue://ttl", moved.message().getStringProperty("H2MQ_ORIGINAL_DESTINATION"));
        assertEquals(START + 500, moved.message().getLongProperty("H2MQ_EXPIRED_AT"));
        assertEquals(0, moved.message().getJMSExpiration());
    }
}
