package io.h2mq.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.H2mqConnectionFactory;

import jakarta.jms.Connection;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * Delivery delay end to end, in real time: a delayed message is not delivered before {@code JMSDeliveryTime}, is
 * delivered soon after it without the consumer polling, and keeps its time across a reconnect.
 *
 * <p>How time is measured: the producer stamps {@code JMSTimestamp} (and so {@code JMSDeliveryTime}) inside
 * {@code send()}, with {@code System.currentTimeMillis()}, which has millisecond granularity. So the lower bound "not
 * before the delay" is measured from just <em>before</em> the send and allows that 1 ms of granularity; measured from
 * the send's return it would wrongly count the send's own duration against the provider. The upper bound "by 2200 ms"
 * is measured from the send's return, as the brief states it; the provider's wake-up is a timer armed for the
 * delivery time, so the 200 ms over the delay are all slack for scheduling a thread and one database read on a loaded
 * 2-core machine. It is asserted strictly; this has not flaked in repeated runs (see the report of this branch).
 */
@Timeout(30)
class DeliveryDelayTest {
    private static final long DELAY = 2_000;
    private static final long DEADLINE = 2_200;
    private static final long CLOCK_GRANULARITY = 1;

    @TempDir
    Path dir;

    H2mqConnectionFactory factory;
    Connection connection;
    Session session;
    Queue queue;

    @BeforeEach
    void connect() throws JMSException {
        factory = StoreFixture.factory(dir);
        connection = factory.createConnection();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        queue = session.createQueue("delayed");
        connection.start();
    }

    @AfterEach
    void close() throws JMSException {
        connection.close();
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    private TextMessage sendDelayed(String text) throws JMSException {
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryDelay(DELAY);
        TextMessage message = session.createTextMessage(text);
        producer.send(message);
        producer.close();
        return message;
    }

    @Test
    void delayedMessageIsNotDeliveredBeforeItsDelayAndIsDeliveredSoonAfter() throws JMSException {
        MessageConsumer consumer = session.createConsumer(queue);
        long beforeSend = System.nanoTime();
        sendDelayed("later");
        long afterSend = System.nanoTime();

        assertNull(consumer.receive(DELAY - 100), "delivered before its delivery delay");
        Message message = consumer.receive(Math.max(1, DEADLINE - millisSince(afterSend)));
        long sinceBefore = millisSince(beforeSend);
        long sinceReturn = millisSince(afterSend);

        assertNotNull(message, "not delivered within " + DEADLINE + " ms of the send");
        assertEquals("later", Jms.text(message));
        assertTrue(sinceBefore >= DELAY - CLOCK_GRANULARITY, "delivered " + sinceBefore + " ms after the send");
        assertTrue(sinceReturn <= DEADLINE, "delivered " + sinceReturn + " ms after the send returned");
        System.out.printf("delayed message arrived %d ms after send() returned (%d ms after it was called)%n",
                sinceReturn, sinceBefore);
    }

    @Test
    void deliveryTimeIsTheTimestampPlusTheDelay() throws JMSException {
        TextMessage sent = sendDelayed("stamped");
        assertEquals(sent.getJMSTimestamp() + DELAY, sent.getJMSDeliveryTime());

        Message received = session.createConsumer(queue).receive(5_000);
        assertNotNull(received);
        assertEquals(sent.getJMSTimestamp(), received.getJMSTimestamp());
        assertEquals(received.getJMSTimestamp() + DELAY, received.getJMSDeliveryTime());
    }

    @Test
    void messageWithoutDelayHasDeliveryTimeEqualToItsTimestamp() throws JMSException {
        MessageProducer producer = session.createProducer(queue);
        TextMessage sent = session.createTextMessage("now");
        producer.send(sent);
        Message received = session.createConsumer(queue).receive(5_000);
        assertEquals(received.getJMSTimestamp(), received.getJMSDeliveryTime());
        assertEquals(sent.getJMSDeliveryTime(), received.getJMSDeliveryTime());
    }

    @Test
    void delayedMessageSurvivesAReconnectAndIsDeliveredAtItsTime() throws JMSException {
        long beforeSend = System.nanoTime();
        TextMessage sent = sendDelayed("durable delay");
        connection.close();

        connection = factory.createConnection();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        connection.start();
        Message received = consumer.receive(5_000);
        long sinceBefore = millisSince(beforeSend);

        assertNotNull(received, "delayed message lost across a reconnect");
        assertEquals("durable delay", Jms.text(received));
        assertEquals(sent.getJMSDeliveryTime(), received.getJMSDeliveryTime());
        assertTrue(sinceBefore >= DELAY - CLOCK_GRANULARITY, "delivered " + sinceBefore + " ms after the send");
    }

    @Test
    void consumerBlockedInReceiveIsWokenByTheTimerAtTheDeliveryTime() throws Exception {
        MessageConsumer consumer = session.createConsumer(queue);
        AtomicReference<Thread> receiver = new AtomicReference<>();
        CompletableFuture<Message> received = CompletableFuture.supplyAsync(() -> {
            receiver.set(Thread.currentThread());
            try {
                return consumer.receive(5_000);
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        Jms.waitFor(() -> receiver.get() != null, "the receiver to start");
        Jms.waitUntilBlocked(receiver.get());

        Session other = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = other.createProducer(queue);
        producer.setDeliveryDelay(DELAY);
        long beforeSend = System.nanoTime();
        producer.send(other.createTextMessage("timer"));

        Message message = received.get(10, TimeUnit.SECONDS);
        long sinceBefore = millisSince(beforeSend);
        assertNotNull(message, "the single receive(5000) call was not woken at the delivery time");
        assertEquals("timer", Jms.text(message));
        assertTrue(sinceBefore >= DELAY - CLOCK_GRANULARITY, "delivered " + sinceBefore + " ms after the send");
        assertTrue(sinceBefore < 5_000, "delivered only when receive timed out");
    }

    @Test
    void jmsProducerDeliveryDelayDelaysDeliveryTheSameWay() throws JMSException {
        try (JMSContext context = factory.createContext()) {
            JMSConsumer consumer = context.createConsumer(queue);
            JMSProducer producer = context.createProducer().setDeliveryDelay(DELAY);
            assertEquals(DELAY, producer.getDeliveryDelay());
            long beforeSend = System.nanoTime();
            TextMessage sent = context.createTextMessage("simplified");
            producer.send(queue, sent);
            long afterSend = System.nanoTime();

            assertNull(consumer.receive(DELAY - 100), "delivered before its delivery delay");
            Message message = consumer.receive(Math.max(1, DEADLINE - millisSince(afterSend)));
            long sinceBefore = millisSince(beforeSend);
            long sinceReturn = millisSince(afterSend);

            assertNotNull(message, "not delivered within " + DEADLINE + " ms of the send");
            assertEquals("simplified", Jms.text(message));
            assertTrue(sinceBefore >= DELAY - CLOCK_GRANULARITY, "delivered " + sinceBefore + " ms after the send");
            assertTrue(sinceReturn <= DEADLINE, "delivered " + sinceReturn + " ms after the send returned");
            assertEquals(sent.getJMSTimestamp() + DELAY, message.getJMSDeliveryTime());
        }
    }
}
