package io.h2mq.client;

import static io.h2mq.client.Jms.browse;
import static io.h2mq.client.Jms.drainNoWait;
import static io.h2mq.client.Jms.receiveTexts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/**
 * NON_PERSISTENT sends return without waiting for their commit; what the same thread does next still sees them,
 * in the order sent.
 */
@Timeout(30)
class NonPersistentTest {
    @TempDir
    Path dir;

    Connection connection;
    Session session;
    Queue queue;

    @BeforeEach
    void connect() throws JMSException {
        connection = StoreFixture.factory(dir).createConnection();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        queue = session.createQueue("np");
        connection.start();
    }

    @AfterEach
    void close() throws JMSException {
        connection.close();
    }

    private static List<String> texts(String prefix, int n) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            texts.add(prefix + i);
        }
        return texts;
    }

    @Test
    void receiveNoWaitRightAfterNonPersistentSendsFindsThemAll() throws JMSException {
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        for (String text : texts("np", 200)) {
            producer.send(session.createTextMessage(text));
        }
        assertEquals(texts("np", 200), drainNoWait(session.createConsumer(queue)));
    }

    @Test
    void persistentAndNonPersistentSendsOfOneProducerArriveInTheOrderSent() throws JMSException {
        MessageProducer producer = session.createProducer(queue);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            producer.setDeliveryMode(i % 3 == 0 ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT);
            producer.send(session.createTextMessage("m" + i));
            sent.add("m" + i);
        }
        assertEquals(sent, receiveTexts(session.createConsumer(queue), 100));
    }

    @Test
    void aBrowserSeesNonPersistentMessagesSentBeforeIt() throws JMSException {
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        for (String text : texts("b", 20)) {
            producer.send(session.createTextMessage(text));
        }
        assertEquals(texts("b", 20), browse(session, queue));
    }

    @Test
    void nonPersistentMessagesSentBeforeCloseAreThereForTheNextConnection() throws JMSException {
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        for (String text : texts("c", 50)) {
            producer.send(session.createTextMessage(text));
        }
        connection.close();
        connection = StoreFixture.factory(dir).createConnection();
        connection.start();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertEquals(texts("c", 50), drainNoWait(session.createConsumer(queue)));
    }
}
