package io.h2mq.client;

import static io.h2mq.client.Jms.browse;
import static io.h2mq.client.Jms.receiveTexts;
import static io.h2mq.client.Jms.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

/**
 * Bad input from the application is refused with the exception the spec names, and leaves the store as it was: after
 * each failure the same session still sends and receives, and the queue holds exactly what was sent.
 */
@Timeout(30)
class BadInputTest {
    @TempDir
    Path dir;

    Connection connection;
    Session session;
    Queue queue;
    Topic topic;

    @BeforeEach
    void connect() throws JMSException {
        connection = StoreFixture.factory(dir).createConnection();
        connection.setClientID("bad-input");
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        queue = session.createQueue("bad");
        topic = session.createTopic("bad.topic");
        connection.start();
    }

    @AfterEach
    void close() throws JMSException {
        connection.close();
    }

    /** The queue is empty, and a send and a receive on the same session still work. */
    private void assertSessionStillWorks() throws JMSException {
        assertEquals(List.of(), browse(session, queue), "no stray message");
        send(session, queue, "after");
        assertEquals(List.of("after"), browse(session, queue));
        MessageConsumer consumer = session.createConsumer(queue);
        assertEquals(List.of("after"), receiveTexts(consumer, 1));
        consumer.close();
        assertEquals(List.of(), browse(session, queue));
    }

    // ---- selectors ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"consumer", "browser", "topic subscriber", "durable", "shared", "shared durable"})
    void invalidSelectorIsRefusedNamingThePosition(String where) throws JMSException {
        String selector = "colour = 'red' AND";
        InvalidSelectorException e = assertThrows(InvalidSelectorException.class, createWith(where, selector));
        assertTrue(e.getMessage().contains("position 19"), e.getMessage());
        assertTrue(e.getMessage().contains(selector), e.getMessage());
        assertSessionStillWorks();
    }

    private Executable createWith(String where, String selector) {
        return switch (where) {
            case "consumer" -> () -> session.createConsumer(queue, selector);
            case "browser" -> () -> session.createBrowser(queue, selector);
            case "topic subscriber" -> () -> session.createConsumer(topic, selector);
            case "durable" -> () -> session.createDurableConsumer(topic, "d", selector, false);
            case "shared" -> () -> session.createSharedConsumer(topic, "s", selector);
            case "shared durable" -> () -> session.createSharedDurableConsumer(topic, "sd", selector);
            default -> throw new AssertionError(where);
        };
    }

    @Test
    void durableConsumerWithAnInvalidSelectorCreatesNoSubscription() throws JMSException {
        assertThrows(InvalidSelectorException.class, () -> session.createDurableConsumer(topic, "d", "a ==", false));
        assertThrows(InvalidSelectorException.class, () -> session.createSharedDurableConsumer(topic, "sd", "a =="));
        assertThrows(InvalidDestinationException.class, () -> session.unsubscribe("d"));
        assertThrows(InvalidDestinationException.class, () -> session.unsubscribe("sd"));
    }

    // ---- destinations ------------------------------------------------------------------------------------------

    @Test
    void nullDestinationIsAnInvalidDestination() throws JMSException {
        assertThrows(InvalidDestinationException.class, () -> session.createConsumer(null));
        assertThrows(InvalidDestinationException.class, () -> session.createConsumer(null, "a = 1"));
        assertThrows(InvalidDestinationException.class, () -> session.createBrowser(null));
        assertThrows(InvalidDestinationException.class, () -> session.createDurableConsumer(null, "d"));
        MessageProducer unidentified = session.createProducer(null);
        assertThrows(InvalidDestinationException.class,
                () -> unidentified.send(null, session.createTextMessage("nowhere")));
        assertSessionStillWorks();
    }

    @Test
    void unidentifiedProducerSendingWithoutADestinationIsUnsupported() throws JMSException {
        MessageProducer unidentified = session.createProducer(null);
        assertThrows(UnsupportedOperationException.class,
                () -> unidentified.send(session.createTextMessage("nowhere")));
        MessageProducer identified = session.createProducer(queue);
        assertThrows(UnsupportedOperationException.class,
                () -> identified.send(queue, session.createTextMessage("twice")));
        assertSessionStillWorks();
    }

    @Test
    void foreignDestinationThatIsNeitherQueueNorTopicIsAnInvalidDestination() throws JMSException {
        Destination foreign = new Destination() {
        };
        assertThrows(InvalidDestinationException.class, () -> session.createConsumer(foreign));
        assertThrows(InvalidDestinationException.class, () -> session.createProducer(foreign));
        MessageProducer unidentified = session.createProducer(null);
        assertThrows(InvalidDestinationException.class,
                () -> unidentified.send(foreign, session.createTextMessage("nowhere")));
        assertSessionStillWorks();
    }

    @Test
    void foreignQueueIsAcceptedByItsName() throws JMSException {
        Queue foreign = () -> "bad";
        send(session, foreign, "by name");
        assertEquals(List.of("by name"), browse(session, queue));
        assertEquals(List.of("by name"), receiveTexts(session.createConsumer(foreign), 1));
    }

    @Test
    void invalidPriorityOrDeliveryModeSendsNothing() throws JMSException {
        MessageProducer producer = session.createProducer(queue);
        TextMessage m = session.createTextMessage("refused");
        assertThrows(JMSException.class, () -> producer.send(m, DeliveryMode.PERSISTENT, 10, 0));
        assertThrows(JMSException.class, () -> producer.send(m, 7, 4, 0));
        assertThrows(JMSException.class, () -> producer.setPriority(-1));
        assertSessionStillWorks();
    }

    @Test
    void invalidSessionModeIsRefused() {
        assertThrows(JMSException.class, () -> connection.createSession(99));
    }

    // ---- reading a message as the wrong type -------------------------------------------------------------------

    private TextMessage receivedWithProperties() throws JMSException {
        MessageProducer producer = session.createProducer(queue);
        TextMessage m = session.createTextMessage("props");
        m.setStringProperty("word", "abc");
        m.setIntProperty("number", 7);
        producer.send(m);
        return (TextMessage) session.createConsumer(queue).receive(Jms.RECEIVE_MILLIS);
    }

    @Test
    void intPropertyFromANonNumericStringIsANumberFormatException() throws JMSException {
        TextMessage m = receivedWithProperties();
        assertThrows(NumberFormatException.class, () -> m.getIntProperty("word"));
        assertThrows(NumberFormatException.class, () -> m.getLongProperty("word"));
        assertEquals("abc", m.getStringProperty("word"));
        assertSessionStillWorks();
    }

    @Test
    void booleanPropertyFromAnIntIsAMessageFormatException() throws JMSException {
        TextMessage m = receivedWithProperties();
        assertThrows(MessageFormatException.class, () -> m.getBooleanProperty("number"));
        assertThrows(MessageFormatException.class, () -> m.getByteProperty("number"));
        assertEquals(7, m.getIntProperty("number"));
        assertSessionStillWorks();
    }

    @Test
    void readIntOfAStreamHoldingANonNumericStringFailsAndLeavesThePositionAlone() throws JMSException {
        StreamMessage sent = session.createStreamMessage();
        sent.writeString("abc");
        sent.writeInt(42);
        session.createProducer(queue).send(sent);
        StreamMessage m = (StreamMessage) session.createConsumer(queue).receive(Jms.RECEIVE_MILLIS);

        assertThrows(NumberFormatException.class, m::readInt);
        assertEquals("abc", m.readString(), "a failed read does not advance the position");
        assertThrows(MessageFormatException.class, m::readBoolean);
        assertEquals(42, m.readInt());
        assertSessionStillWorks();
    }

    @Test
    void writingAReceivedMessageIsRefused() throws JMSException {
        TextMessage m = receivedWithProperties();
        assertThrows(MessageNotWriteableException.class, () -> m.setText("changed"));
        assertThrows(MessageNotWriteableException.class, () -> m.setStringProperty("word", "changed"));
        assertSessionStillWorks();
    }

    @Test
    void receiveBodyOfTheWrongTypeLeavesTheMessageToBeReceivedAgain() throws JMSException {
        try (JMSContext context = StoreFixture.factory(dir).createContext()) {
            context.createProducer().send(queue, "text body");
            JMSConsumer consumer = context.createConsumer(queue);
            assertThrows(MessageFormatRuntimeException.class, () -> consumer.receiveBody(Integer.class, 5000));
            assertEquals("text body", consumer.receiveBody(String.class, 5000));
        }
        assertSessionStillWorks();
    }

    @Test
    void domainInappropriateMethodsOfQueueAndTopicSessionsAreIllegalState() throws JMSException {
        jakarta.jms.QueueConnection qc = StoreFixture.factory(dir).createQueueConnection();
        jakarta.jms.TopicConnection tc = StoreFixture.factory(dir).createTopicConnection();
        try {
            Session qs = qc.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(jakarta.jms.IllegalStateException.class, () -> qs.createTopic("t"));
            assertThrows(jakarta.jms.IllegalStateException.class, qs::createTemporaryTopic);
            assertThrows(jakarta.jms.IllegalStateException.class, () -> qs.createDurableSubscriber(topic, "d"));
            assertThrows(jakarta.jms.IllegalStateException.class, () -> qs.createDurableConsumer(topic, "d"));
            assertThrows(jakarta.jms.IllegalStateException.class, () -> qs.createSharedConsumer(topic, "s"));
            assertThrows(jakarta.jms.IllegalStateException.class, () -> qs.createSharedDurableConsumer(topic, "s"));
            assertThrows(jakarta.jms.IllegalStateException.class, () -> qs.unsubscribe("d"));
            Session ts = tc.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(jakarta.jms.IllegalStateException.class, () -> ts.createQueue("q"));
            assertThrows(jakarta.jms.IllegalStateException.class, ts::createTemporaryQueue);
            assertThrows(jakarta.jms.IllegalStateException.class, () -> ts.createBrowser(queue));
        } finally {
            qc.close();
            tc.close();
        }
        assertSessionStillWorks();
    }
}
