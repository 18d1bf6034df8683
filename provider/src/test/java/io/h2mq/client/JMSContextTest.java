package io.h2mq.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.H2mqConnectionFactory;

import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

/** The simplified API: send and receiveBody, JMSProducer settings, auto-start, shared connections, client IDs. */
@Timeout(30)
class JMSContextTest {
    @TempDir
    Path dir;

    H2mqConnectionFactory factory;
    JMSContext context;
    Queue queue;

    @BeforeEach
    void open() {
        factory = StoreFixture.factory(dir);
        context = factory.createContext();
        queue = context.createQueue("ctx");
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void sendAndReceiveBodyOfEachKind() {
        JMSProducer producer = context.createProducer();
        JMSConsumer consumer = context.createConsumer(queue);
        producer.send(queue, "text");
        producer.send(queue, new byte[] {1, 2, 3});
        producer.send(queue, Map.of("k", 42));
        producer.send(queue, (java.io.Serializable) Set.of("object"));

        assertEquals("text", consumer.receiveBody(String.class, Jms.RECEIVE_MILLIS));
        assertArrayEquals(new byte[] {1, 2, 3}, consumer.receiveBody(byte[].class, Jms.RECEIVE_MILLIS));
        assertEquals(Map.of("k", 42), consumer.receiveBody(Map.class, Jms.RECEIVE_MILLIS));
        assertEquals(Set.of("object"), consumer.receiveBody(Set.class, Jms.RECEIVE_MILLIS));
        assertNull(consumer.receiveBodyNoWait(String.class));
    }

    @Test
    void producerPropertiesAndHeadersAreAppliedToEveryMessage() throws Exception {
        Queue replyTo = context.createQueue("ctx.replies");
        JMSProducer producer = context.createProducer()
                .setProperty("region", "emea")
                .setProperty("count", 3)
                .setJMSCorrelationID("corr-1")
                .setJMSType("order")
                .setJMSReplyTo(replyTo)
                .setPriority(7)
                .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                .setTimeToLive(60_000);
        assertEquals(Set.of("region", "count"), producer.getPropertyNames());
        JMSConsumer consumer = context.createConsumer(queue);
        producer.send(queue, "first");
        producer.send(queue, context.createTextMessage("second"));

        for (String expected : new String[] {"first", "second"}) {
            Message m = consumer.receive(Jms.RECEIVE_MILLIS);
            assertEquals(expected, m.getBody(String.class));
            assertEquals("emea", m.getStringProperty("region"));
            assertEquals(3, m.getIntProperty("count"));
            assertEquals("corr-1", m.getJMSCorrelationID());
            assertEquals("order", m.getJMSType());
            assertEquals(replyTo, m.getJMSReplyTo());
            assertEquals(7, m.getJMSPriority());
            assertEquals(DeliveryMode.NON_PERSISTENT, m.getJMSDeliveryMode());
            assertTrue(m.getJMSExpiration() > m.getJMSTimestamp());
        }
    }

    @Test
    void creatingAConsumerStartsTheConnection() {
        context.createProducer().send(queue, "auto");
        assertTrue(context.getAutoStart());
        assertEquals("auto", context.createConsumer(queue).receiveBody(String.class, Jms.RECEIVE_MILLIS));
    }

    @Test
    void withoutAutoStartNothingIsReceivedUntilStart() {
        context.setAutoStart(false);
        context.createProducer().send(queue, "manual");
        JMSConsumer consumer = context.createConsumer(queue);
        assertNull(consumer.receiveBodyNoWait(String.class));
        context.start();
        assertEquals("manual", consumer.receiveBody(String.class, Jms.RECEIVE_MILLIS));
    }

    @Test
    void contextCreatedFromAContextSharesTheConnection() throws Exception {
        JMSContext first = factory.createContext();
        first.setClientID("shared-connection");
        JMSContext second = first.createContext(JMSContext.CLIENT_ACKNOWLEDGE);
        try {
            assertEquals("shared-connection", second.getClientID());
            assertEquals(JMSContext.CLIENT_ACKNOWLEDGE, second.getSessionMode());
            first.createProducer().send(queue, "across");
            first.close();
            Message m = second.createConsumer(queue).receive(Jms.RECEIVE_MILLIS);
            assertEquals("across", m.getBody(String.class));
            second.acknowledge();
        } finally {
            second.close();
        }
        assertThrows(IllegalStateRuntimeException.class, () -> first.createQueue("closed"));
    }

    @Test
    void setClientIdRightAfterCreateContextWorks() {
        try (JMSContext fresh = factory.createContext()) {
            fresh.setClientID("ctx-client");
            assertEquals("ctx-client", fresh.getClientID());
            Topic topic = fresh.createTopic("ctx.topic");
            fresh.createDurableConsumer(topic, "ctx-durable").close();
            fresh.createProducer().send(topic, "kept");
            JMSConsumer again = fresh.createDurableConsumer(topic, "ctx-durable");
            assertEquals("kept", again.receiveBody(String.class, Jms.RECEIVE_MILLIS));
            again.close();
            fresh.unsubscribe("ctx-durable");
        }
    }

    @Test
    void setClientIdAfterUseIsIllegalStateAndDuplicatesAreInvalid() {
        context.createProducer().send(queue, "used");
        assertThrows(IllegalStateRuntimeException.class, () -> context.setClientID("too-late"));
        try (JMSContext first = factory.createContext(); JMSContext other = factory.createContext()) {
            first.setClientID("taken");
            assertThrows(InvalidClientIDRuntimeException.class, () -> other.setClientID("taken"));
        }
    }

    @Test
    void transactedContextCommitsAndRollsBack() {
        try (JMSContext tx = factory.createContext(JMSContext.SESSION_TRANSACTED)) {
            assertTrue(tx.getTransacted());
            tx.createProducer().send(queue, "rolled-back");
            tx.rollback();
            tx.createProducer().send(queue, "committed");
            JMSConsumer consumer = context.createConsumer(queue);
            assertNull(consumer.receiveBodyNoWait(String.class));
            tx.commit();
            assertEquals("committed", consumer.receiveBody(String.class, Jms.RECEIVE_MILLIS));
            assertNull(consumer.receiveBodyNoWait(String.class));
        }
    }

    @Test
    void clientAcknowledgeContextRecoversUnacknowledgedMessages() throws Exception {
        try (JMSContext client = factory.createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            client.createProducer().send(queue, "unacked");
            JMSConsumer consumer = client.createConsumer(queue);
            Message first = consumer.receive(Jms.RECEIVE_MILLIS);
            assertFalse(first.getJMSRedelivered());
            client.recover();
            Message again = consumer.receive(Jms.RECEIVE_MILLIS);
            assertEquals("unacked", again.getBody(String.class));
            assertTrue(again.getJMSRedelivered());
            client.acknowledge();
            client.recover();
            assertNull(consumer.receiveNoWait());
        }
    }

    @Test
    void closedContextRefusesUseButMayBeClosedAgain() {
        JMSContext closed = factory.createContext();
        closed.close();
        closed.close();
        assertThrows(IllegalStateRuntimeException.class, closed::createProducer);
        assertThrows(IllegalStateRuntimeException.class, () -> closed.createConsumer(queue));
        assertThrows(IllegalStateRuntimeException.class, closed::start);
        assertThrows(IllegalStateRuntimeException.class, () -> closed.createContext(JMSContext.AUTO_ACKNOWLEDGE));
        assertThrows(IllegalStateRuntimeException.class, closed::acknowledge);
    }
}
