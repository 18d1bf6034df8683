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

import io.h2mq.testing.TestStores;

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

    /** Entries in the store, read beside the provider with plain JDBC (no waiting for queued writes). */
    private int entriesInStore() throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(TestStores.url(dir));
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM h2mq_entry")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void persistentMessagesToATemporaryQueueOrNonDurableSubscriptionOfThisJvmArriveInOrder() throws JMSException {
        jakarta.jms.TemporaryQueue replies = session.createTemporaryQueue();
        jakarta.jms.Topic topic = session.createTopic("np.topic");
        jakarta.jms.MessageConsumer subscriber = session.createConsumer(topic);
        jakarta.jms.MessageConsumer replyConsumer = session.createConsumer(replies);
        MessageProducer producer = session.createProducer(null);
        for (String text : texts("v", 150)) {
            producer.send(replies, session.createTextMessage(text));
            producer.send(topic, session.createTextMessage(text));
        }
        assertEquals(texts("v", 150), receiveTexts(replyConsumer, 150));
        assertEquals(texts("v", 150), receiveTexts(subscriber, 150));
        assertEquals(List.of(), drainNoWait(replyConsumer));
    }

    @Test
    void aPersistentSendThatReachesADurableSubscriptionIsStoredBeforeItReturns() throws Exception {
        connection.close();
        connection = StoreFixture.factory(dir).createConnection();
        connection.setClientID("np-durable");
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        jakarta.jms.Topic topic = session.createTopic("np.durable");
        session.createDurableSubscriber(topic, "keeps").close();
        session.createConsumer(topic); // a non-durable one beside it does not make the send volatile
        MessageProducer producer = session.createProducer(topic);
        for (int i = 1; i <= 20; i++) {
            producer.send(session.createTextMessage("d" + i));
            assertEquals(2 * i, entriesInStore(), "send " + i + " returned before its entries were stored");
        }
    }
}
