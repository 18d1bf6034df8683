package io.h2mq.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.testing.TestStores;
import io.h2mq.H2mqConnectionFactory;
import io.h2mq.H2mqOptions;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/** Delivery attempts, redelivery delay with backoff, and the dead-letter queue. */
@Timeout(30)
class RedeliveryPolicyTest {
    @TempDir
    Path dir;

    private H2mqConnectionFactory factory(H2mqOptions options) {
        options.setUrl(TestStores.url(dir));
        return new H2mqConnectionFactory(options);
    }

    private static void send(Session session, Queue queue, String text) throws JMSException {
        session.createProducer(queue).send(session.createTextMessage(text));
    }

    @Test
    void listenerThatAlwaysThrowsSendsTheMessageToTheDeadLetterQueueAfterMaxAttempts() throws Exception {
        H2mqOptions options = new H2mqOptions();
        options.setMaxDeliveryAttempts(3);
        try (Connection connection = factory(options).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue poison = session.createQueue("poison");
            send(session, poison, "bad");
            AtomicInteger deliveries = new AtomicInteger();
            CountDownLatch third = new CountDownLatch(3);
            session.createConsumer(poison).setMessageListener(m -> {
                deliveries.incrementAndGet();
                third.countDown();
                throw new IllegalStateException("cannot process");
            });
            Session dlqSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer dlq = dlqSession.createConsumer(dlqSession.createQueue("DLQ"));
            connection.start();
            assertTrue(third.await(10, TimeUnit.SECONDS));
            Message dead = dlq.receive(10_000);
            assertNotNull(dead, "after 3 deliveries the message is in DLQ");
            assertEquals("bad", ((TextMessage) dead).getText());
            assertEquals("queue://poison", dead.getStringProperty("H2MQ_ORIGINAL_DESTINATION"));
            assertEquals(3, dead.getIntProperty("H2MQ_DELIVERY_ATTEMPTS"));
            assertTrue(dead.getStringProperty("H2MQ_DEAD_LETTER_REASON").contains("maxDeliveryAttempts 3"));
            assertEquals(3, deliveries.get(), "never delivered a fourth time");
        }
    }

    @Test
    void perDestinationPolicyChoosesItsOwnAttemptsAndDeadLetterQueue() throws Exception {
        H2mqOptions options = new H2mqOptions();
        options.setPolicies("orders:maxDeliveryAttempts=2,deadLetterQueue=orders.DLQ");
        try (Connection connection = factory(options).createConnection()) {
            connection.start();
            Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
            Queue orders = tx.createQueue("orders");
            send(tx, orders, "order-1");
            tx.commit();
            MessageConsumer consumer = tx.createConsumer(orders);
            for (int attempt = 1; attempt <= 2; attempt++) {
                assertNotNull(consumer.receive(5000), "attempt " + attempt);
                tx.rollback();
            }
            assertNull(consumer.receive(300), "the third attempt is not made");
            Message dead = tx.createConsumer(tx.createQueue("orders.DLQ")).receive(5000);
            assertEquals("order-1", ((TextMessage) dead).getText());
            tx.commit();
            assertNull(tx.createConsumer(tx.createQueue("DLQ")).receive(200), "the default DLQ got nothing");
        }
    }

    @Test
    void redeliveryIsDelayedAndTheDelayGrowsByTheBackoff() throws Exception {
        H2mqOptions options = new H2mqOptions();
        options.setRedeliveryDelay(300);
        options.setRedeliveryBackoff(2);
        try (Connection connection = factory(options).createConnection()) {
            connection.start();
            Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = tx.createQueue("slow");
            send(tx, queue, "again");
            tx.commit();
            MessageConsumer consumer = tx.createConsumer(queue);
            assertNotNull(consumer.receive(5000));
            for (long delay : new long[] {300, 600}) {
                long rolledBackAt = System.nanoTime();
                tx.rollback();
                Message back = consumer.receive(5000);
                long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - rolledBackAt);
                assertNotNull(back, "redelivered after " + delay + " ms");
                assertTrue(back.getJMSRedelivered());
                // Stamped in whole milliseconds on both sides: allow one for the clock's granularity.
                assertTrue(waitedMillis >= delay - 1, "redelivered after " + waitedMillis + " ms, expected >= " + delay);
            }
            tx.commit();
        }
    }

    @Test
    void aMisspelledPolicyIsRefusedWhenConnecting() {
        H2mqOptions options = new H2mqOptions();
        options.setPolicies("orders:maxAttempts=2");
        JMSException e = assertThrows(JMSException.class, () -> factory(options).createConnection());
        assertTrue(e.getMessage().contains("maxAttempts"), e.getMessage());
    }
}
