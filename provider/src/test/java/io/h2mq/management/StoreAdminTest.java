package io.h2mq.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.H2mqConnectionFactory;
import io.h2mq.H2mqOptions;
import io.h2mq.H2mqQueue;

import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/** The statistics and the operations of {@link StoreAdmin}, beside connections of the same store. */
@Timeout(60)
class StoreAdminTest {
    @TempDir
    Path dir;

    private H2mqOptions options() {
        H2mqOptions options = new H2mqOptions();
        options.setUrl(io.h2mq.testing.TestStores.url(dir));
        options.setMaxDeliveryAttempts(2);
        options.setPrefetch(1);
        return options;
    }

    private Connection connect() throws JMSException {
        Connection connection = new H2mqConnectionFactory(options()).createConnection();
        connection.start();
        return connection;
    }

    private static void send(Session session, String queue, int count) throws JMSException {
        MessageProducer producer = session.createProducer(session.createQueue(queue));
        for (int i = 0; i < count; i++) {
            TextMessage message = session.createTextMessage("m" + i);
            message.setIntProperty("n", i);
            producer.send(message);
        }
    }

    private static DestinationStatistics queue(StoreAdmin admin, String name) throws JMSException {
        return admin.statistics().stream().filter(s -> s.isQueue() && s.destination().equals(name)).findFirst()
                .orElseThrow();
    }

    @Test
    void statisticsCountSendsAcknowledgementsConsumersAndMessagesInFlight() throws Exception {
        try (Connection connection = connect(); StoreAdmin admin = StoreAdmin.open(options())) {
            Session auto = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            long before = System.currentTimeMillis();
            send(auto, "orders", 5);
            MessageConsumer consumer = auto.createConsumer(auto.createQueue("orders"));
            assertNotNull(consumer.receive(5000));
            assertNotNull(consumer.receive(5000));
            consumer.close();
            Session client = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer holding = client.createConsumer(client.createQueue("orders"));
            assertNotNull(holding.receive(5000));

            DestinationStatistics orders = queue(admin, "orders");
            assertEquals(DestinationStatistics.QUEUE, orders.kind());
            assertNull(orders.subscription());
            assertEquals(3, orders.depth());
            assertEquals(5, orders.enqueued());
            assertEquals(2, orders.acknowledged());
            assertEquals(1, orders.consumers());
            assertTrue(orders.inFlight() >= 1 && orders.inFlight() <= 2, "in flight: " + orders.inFlight());
            assertTrue(orders.depthBytes() > 0);
            assertTrue(orders.oldestMessageTimestamp() >= before - 1000
                    && orders.oldestMessageTimestamp() <= System.currentTimeMillis() + 1000,
                    "oldest: " + orders.oldestMessageTimestamp());
            holding.close();
            client.close();
            assertEquals(0, queue(admin, "orders").consumers());
        }
    }

    @Test
    void consumersOpenedAtTheSameMomentAreAllCounted() throws Exception {
        int count = 8;
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try (Connection connection = connect(); StoreAdmin admin = StoreAdmin.open(options())) {
            send(connection.createSession(false, Session.AUTO_ACKNOWLEDGE), "busy", 1);
            CyclicBarrier together = new CyclicBarrier(count);
            List<Future<MessageConsumer>> opening = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                opening.add(threads.submit(() -> {
                    together.await();
                    return session.createConsumer(session.createQueue("busy"));
                }));
            }
            for (Future<MessageConsumer> consumer : opening) {
                assertNotNull(consumer.get());
            }
            assertEquals(count, queue(admin, "busy").consumers());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anEmptyQueueHasNoOldestMessage() throws Exception {
        try (Connection connection = connect(); StoreAdmin admin = StoreAdmin.open(options())) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            send(session, "empty", 1);
            assertNotNull(session.createConsumer(session.createQueue("empty")).receive(5000));
            DestinationStatistics empty = queue(admin, "empty");
            assertEquals(-1, empty.oldestMessageTimestamp());
            assertEquals(0, empty.depth());
            assertEquals(0, empty.inFlight());
        }
    }

    @Test
    void expiredAndDeadLetteredMessagesAreCountedWhereTheyLeft() throws Exception {
        try (Connection connection = connect(); StoreAdmin admin = StoreAdmin.open(options())) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("short"));
            producer.setTimeToLive(1);
            producer.send(session.createTextMessage("gone"));
            waitUntilAfter(System.currentTimeMillis() + 5);
            assertNull(session.createConsumer(session.createQueue("short")).receive(200));
            assertEquals(1, queue(admin, "short").expired());
            assertEquals(0, queue(admin, "short").depth());

            Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
            send(tx, "poison", 1);
            tx.commit();
            MessageConsumer consumer = tx.createConsumer(tx.createQueue("poison"));
            for (int attempt = 0; attempt < 2; attempt++) {
                assertNotNull(consumer.receive(5000));
                tx.rollback();
            }
            assertNull(consumer.receive(300));
            DestinationStatistics poison = queue(admin, "poison");
            assertEquals(1, poison.deadLettered());
            assertEquals(0, poison.depth());
            assertEquals(0, poison.acknowledged());
            DestinationStatistics dlq = queue(admin, "DLQ");
            assertEquals(1, dlq.enqueued());
            assertEquals(1, dlq.depth());
        }
    }

    /** Waits for the wall clock to pass a time (the expiry of a message sent with a time-to-live of 1 ms). */
    private static void waitUntilAfter(long millis) throws InterruptedException {
        while (System.currentTimeMillis() <= millis) {
            Thread.onSpinWait();
        }
    }

    @Test
    void purgeDeletesTheMatchingReadyMessagesAndLeavesTheOneInDelivery() throws Exception {
        try (Connection connection = connect(); StoreAdmin admin = StoreAdmin.open(options())) {
            Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            send(session, "work", 10);
            MessageConsumer holding = session.createConsumer(session.createQueue("work"));
            Message held = holding.receive(5000);
            long inFlight = queue(admin, "work").inFlight();
            List<Long> progress = new ArrayList<>();

            long purged = admin.purge("work", "n >= 5", progress::add);

            assertEquals(5, purged);
            assertEquals(5, progress.get(progress.size() - 1));
            assertEquals(0, held.getIntProperty("n"));
            long left = admin.purge("work", null, null);
            assertEquals(5 - inFlight, left);
            DestinationStatistics work = queue(admin, "work");
            assertEquals(inFlight, work.depth());
            assertEquals(10, work.enqueued());
            assertEquals(0, work.acknowledged());
            held.acknowledge();
            assertEquals(1, queue(admin, "work").acknowledged());
        }
    }

    @Test
    void purgeOfAQueueTheStoreDoesNotHaveNamesTheQueue() throws Exception {
        try (StoreAdmin admin = StoreAdmin.open(options())) {
            InvalidDestinationException e = assertThrows(InvalidDestinationException.class,
                    () -> admin.purge("nowhere", null, null));
            assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
        }
    }

    @Test
    void moveKeepsTheMessageAndWakesAConsumerOfTheTarget() throws Exception {
        try (Connection connection = connect(); StoreAdmin admin = StoreAdmin.open(options())) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            send(session, "from", 4);
            List<String> ids = new ArrayList<>();
            Session browsing = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            for (Object m : java.util.Collections.list(browsing.createBrowser(browsing.createQueue("from"))
                    .getEnumeration())) {
                ids.add(((Message) m).getJMSMessageID());
            }
            Session receiving = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer target = receiving.createConsumer(receiving.createQueue("to"));
            CompletableFuture<Message> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return target.receive(20_000);
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
            });

            assertEquals(2, admin.move("from", "to", "n = 1 OR n = 3", null));

            Message moved = first.get();
            assertNotNull(moved);
            assertEquals(1, moved.getIntProperty("n"));
            assertEquals(ids.get(1), moved.getJMSMessageID());
            assertEquals("m1", ((TextMessage) moved).getText());
            assertEquals(new H2mqQueue("to"), moved.getJMSDestination());
            assertEquals(ids.get(3), target.receive(5000).getJMSMessageID());
            assertEquals(2, queue(admin, "from").depth());
            assertEquals(2, queue(admin, "to").enqueued());
            assertEquals(0, queue(admin, "from").acknowledged());
        }
    }

    @Test
    void retrySendsDeadLettersBackToTheirQueue() throws Exception {
        try (Connection connection = connect(); StoreAdmin admin = StoreAdmin.open(options())) {
            Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
            send(tx, "payments", 1);
            tx.commit();
            MessageConsumer consumer = tx.createConsumer(tx.createQueue("payments"));
            for (int attempt = 0; attempt < 2; attempt++) {
                assertNotNull(consumer.receive(5000));
                tx.rollback();
            }
            assertNull(consumer.receive(300));
            assertEquals(1, queue(admin, "DLQ").depth());

            assertEquals(1, admin.retryDeadLetters("DLQ", null));

            Message back = consumer.receive(5000);
            assertNotNull(back);
            assertEquals("m0", ((TextMessage) back).getText());
            assertEquals(1, back.getIntProperty("JMSXDeliveryCount"));
            tx.commit();
            assertEquals(0, queue(admin, "DLQ").depth());
            assertEquals(1, queue(admin, "payments").acknowledged());
        }
    }

    @Test
    void openingAStoreThatCannotBeOpenedNamesItsUrl() {
        H2mqOptions options = new H2mqOptions();
        options.setUrl("jdbc:nosuchdb:" + dir);
        JMSException e = assertThrows(JMSException.class, () -> StoreAdmin.open(options));
        assertTrue(e.getMessage().contains("jdbc:nosuchdb:"), e.getMessage());
        assertInstanceOf(JMSException.class, e);
    }
}
