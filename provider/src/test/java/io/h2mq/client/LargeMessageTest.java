package io.h2mq.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.h2mq.testing.TestStores;
import io.h2mq.H2mqConnectionFactory;
import io.h2mq.H2mqOptions;
import io.h2mq.message.MessageCodec;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.Topic;

/**
 * Bytes and stream bodies around the size above which they are stored apart from the message's head: just below,
 * at and just above it, each selected by its properties, browsed, moved to the dead-letter and the expiry queue.
 */
@Timeout(60)
class LargeMessageTest {
    private static final int THRESHOLD = MessageCodec.LARGE_BODY_THRESHOLD;

    @TempDir
    Path dir;

    private H2mqConnectionFactory factory(H2mqOptions options) {
        options.setUrl(TestStores.url(dir));
        return new H2mqConnectionFactory(options);
    }

    private static byte[] body(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + seed + i / 4099);
        }
        return b;
    }

    private static BytesMessage bytesMessage(Session session, byte[] body, String color) throws JMSException {
        BytesMessage m = session.createBytesMessage();
        m.writeBytes(body);
        m.setStringProperty("color", color);
        m.setIntProperty("length", body.length);
        return m;
    }

    private static byte[] readAll(BytesMessage m) throws JMSException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[100_000];
        int n;
        while ((n = m.readBytes(chunk)) > 0) {
            out.write(chunk, 0, n);
        }
        assertEquals(m.getBodyLength(), out.size());
        return out.toByteArray();
    }

    @ParameterizedTest(name = "body of {0} bytes")
    @ValueSource(ints = {THRESHOLD - 1, THRESHOLD, THRESHOLD + 1, 3 * THRESHOLD + 17})
    void bytesBodyRoundTripsAndIsSelectedByItsProperties(int length) throws Exception {
        try (Connection connection = factory(new H2mqOptions()).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("bytes");
            MessageProducer producer = session.createProducer(queue);
            producer.send(bytesMessage(session, body(length, 1), "red"));
            producer.send(bytesMessage(session, body(length, 2), "blue"));
            MessageConsumer blue = session.createConsumer(queue, "color = 'blue' AND length = " + length);
            BytesMessage got = (BytesMessage) blue.receive(5000);
            assertNotNull(got);
            assertArrayEquals(body(length, 2), readAll(got));
            assertNull(blue.receiveNoWait(), "only the blue message matches");
            BytesMessage red = (BytesMessage) session.createConsumer(queue).receive(5000);
            assertArrayEquals(body(length, 1), readAll(red));
        }
    }

    /** The blue message's body is its byte[] field and 23 bytes more: "blue" (9), the field's header (5), a long (9). */
    @ParameterizedTest(name = "byte[] field of {0} bytes")
    @ValueSource(ints = {THRESHOLD - 24, THRESHOLD - 23, THRESHOLD - 22})
    void streamBodyRoundTripsFieldByFieldAndIsSelectedByItsProperties(int length) throws Exception {
        try (Connection connection = factory(new H2mqOptions()).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("stream");
            MessageProducer producer = session.createProducer(queue);
            for (String color : List.of("red", "blue")) {
                StreamMessage m = session.createStreamMessage();
                m.writeString(color);
                m.writeBytes(body(length, color.length()));
                m.writeLong(length);
                m.setStringProperty("color", color);
                producer.send(m);
            }
            StreamMessage got = (StreamMessage) session.createConsumer(queue, "color = 'blue'").receive(5000);
            assertNotNull(got);
            assertEquals("blue", got.readString());
            assertArrayEquals(body(length, 4), (byte[]) got.readObject());
            assertEquals(length, got.readLong());
        }
    }

    @Test
    void topicMessageStoredOnceReachesEverySubscriberWhole() throws Exception {
        try (Connection connection = factory(new H2mqOptions()).createConnection()) {
            connection.setClientID("fan");
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic topic = session.createTopic("large.topic");
            MessageConsumer one = session.createDurableSubscriber(topic, "one");
            MessageConsumer two = session.createDurableSubscriber(topic, "two");
            session.createProducer(topic).send(bytesMessage(session, body(THRESHOLD * 2, 5), "green"));
            assertArrayEquals(body(THRESHOLD * 2, 5), readAll((BytesMessage) one.receive(5000)));
            assertArrayEquals(body(THRESHOLD * 2, 5), readAll((BytesMessage) two.receive(5000)),
                    "the first subscriber's acknowledgement left the body for the second");
        }
    }

    @Test
    void transactedSendOfALargeBodyIsStoredAtCommit() throws Exception {
        try (Connection connection = factory(new H2mqOptions()).createConnection()) {
            connection.start();
            Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = tx.createQueue("tx.large");
            tx.createProducer(queue).send(bytesMessage(tx, body(THRESHOLD + 100, 6), "tx"));
            MessageConsumer consumer = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)
                    .createConsumer(queue);
            assertNull(consumer.receive(200), "invisible before commit");
            tx.commit();
            assertArrayEquals(body(THRESHOLD + 100, 6), readAll((BytesMessage) consumer.receive(5000)));
        }
    }

    @Test
    void receiveBodyReturnsTheWholeLargeBodyAsAnArray() {
        try (JMSContext context = factory(new H2mqOptions()).createContext()) {
            Queue queue = context.createQueue("receive.body");
            context.createProducer().send(queue, body(THRESHOLD + 9, 7));
            assertArrayEquals(body(THRESHOLD + 9, 7), context.createConsumer(queue).receiveBody(byte[].class, 5000));
        }
    }

    @Test
    void browserShowsLargeBodiesWholeAndLeavesThemOnTheQueue() throws Exception {
        try (Connection connection = factory(new H2mqOptions()).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("browsed");
            MessageProducer producer = session.createProducer(queue);
            producer.send(bytesMessage(session, body(THRESHOLD + 1, 8), "large"));
            producer.send(bytesMessage(session, body(10, 9), "small"));
            QueueBrowser browser = session.createBrowser(queue, "color = 'large'");
            List<Object> seen = new ArrayList<>();
            for (Enumeration<?> walk = browser.getEnumeration(); walk.hasMoreElements();) {
                seen.add(walk.nextElement());
            }
            assertEquals(1, seen.size());
            assertArrayEquals(body(THRESHOLD + 1, 8), readAll((BytesMessage) seen.get(0)));
            connection.start();
            BytesMessage received = (BytesMessage) session.createConsumer(queue, "color = 'large'").receive(5000);
            assertArrayEquals(body(THRESHOLD + 1, 8), readAll(received), "still on the queue after the browse");
        }
    }

    @Test
    void browserSkipsALargeMessageConsumedAfterItsPageWasRead() throws Exception {
        try (Connection connection = factory(new H2mqOptions()).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("raced");
            MessageProducer producer = session.createProducer(queue);
            producer.send(bytesMessage(session, body(10, 1), "first"));
            producer.send(bytesMessage(session, body(THRESHOLD + 1, 2), "gone"));
            producer.send(bytesMessage(session, body(10, 3), "last"));
            var walk = session.createBrowser(queue).getEnumeration();
            assertEquals("first", ((Message) walk.nextElement()).getStringProperty("color"));
            assertNotNull(session.createConsumer(queue, "color = 'gone'").receive(5000));
            assertTrue(walk.hasMoreElements());
            assertEquals("last", ((Message) walk.nextElement()).getStringProperty("color"),
                    "the consumed large message, whose body left the store, is skipped");
            assertFalse(walk.hasMoreElements());
        }
    }

    @Test
    void largeMessageMovedToTheDeadLetterQueueKeepsItsBody() throws Exception {
        H2mqOptions options = new H2mqOptions();
        options.setMaxDeliveryAttempts(2);
        try (Connection connection = factory(options).createConnection()) {
            connection.start();
            Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = tx.createQueue("poison.large");
            tx.createProducer(queue).send(bytesMessage(tx, body(THRESHOLD * 2 + 3, 10), "poison"));
            tx.commit();
            MessageConsumer consumer = tx.createConsumer(queue);
            for (int attempt = 1; attempt <= 2; attempt++) {
                assertNotNull(consumer.receive(5000), "attempt " + attempt);
                tx.rollback();
            }
            assertNull(consumer.receive(300), "moved, not delivered a third time");
            BytesMessage dead = (BytesMessage) tx.createConsumer(tx.createQueue("DLQ")).receive(5000);
            assertNotNull(dead);
            assertEquals("queue://poison.large", dead.getStringProperty("H2MQ_ORIGINAL_DESTINATION"));
            assertEquals("poison", dead.getStringProperty("color"));
            assertArrayEquals(body(THRESHOLD * 2 + 3, 10), readAll(dead));
            tx.commit();
        }
    }

    @Test
    void expiredLargeMessageMovedToTheExpiryQueueKeepsItsBody() throws Exception {
        H2mqOptions options = new H2mqOptions();
        options.setExpiryQueue("EXPIRED");
        try (Connection connection = factory(options).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("short.large");
            session.createProducer(queue).send(bytesMessage(session, body(THRESHOLD + 11, 11), "late"),
                    DeliveryMode.PERSISTENT, 4, 100);
            MessageConsumer consumer = session.createConsumer(queue);
            // Not started: this receive waits past the expiry without claiming anything.
            assertNull(consumer.receive(300));
            connection.start();
            assertNull(consumer.receive(300), "an expired message is never delivered");
            BytesMessage expired = (BytesMessage) session.createConsumer(session.createQueue("EXPIRED"))
                    .receive(5000);
            assertNotNull(expired);
            assertEquals("queue://short.large", expired.getStringProperty("H2MQ_ORIGINAL_DESTINATION"));
            assertEquals(0, expired.getJMSExpiration());
            assertArrayEquals(body(THRESHOLD + 11, 11), readAll(expired));
        }
    }
}
