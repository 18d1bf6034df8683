package io.h2mq.client;

import static io.h2mq.client.Jms.drainNoWait;
import static io.h2mq.client.Jms.receiveTexts;
import static io.h2mq.client.Jms.send;
import static io.h2mq.client.Jms.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/**
 * Claims in batches of up to the prefetch, handed out from memory to any local consumer of the destination, and
 * what happens to the claimed-but-undelivered rest: given back unmarked on close, behind redelivered messages on
 * rollback, behind a message of higher priority, never delivered once expired.
 */
@Timeout(30)
class PrefetchTest {
    private static final int PREFETCH = 8;

    @TempDir
    Path dir;

    Connection connection;
    Session producerSession;
    Queue queue;

    @BeforeEach
    void connect() throws JMSException {
        connection = factory(PREFETCH).createConnection();
        producerSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        queue = producerSession.createQueue("prefetch");
        connection.start();
    }

    @AfterEach
    void close() throws JMSException {
        connection.close();
    }

    private String url() {
        return TestStores.url(dir);
    }

    private H2mqConnectionFactory factory(int prefetch) {
        H2mqOptions options = new H2mqOptions();
        options.setUrl(url());
        options.setPrefetch(prefetch);
        return new H2mqConnectionFactory(options);
    }

    /** Entries of the store claimed by a node (state 1), read beside the provider through plain JDBC. */
    private int claimedInStore() throws SQLException {
        try (java.sql.Connection c = DriverManager.getConnection(url());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM h2mq_entry WHERE state = 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String[] numbered(int n) {
        String[] texts = new String[n];
        for (int i = 0; i < n; i++) {
            texts[i] = "m" + i;
        }
        return texts;
    }

    private static List<String> numberedList(int from, int to) {
        List<String> texts = new ArrayList<>();
        for (int i = from; i < to; i++) {
            texts.add("m" + i);
        }
        return texts;
    }

    @Test
    void firstReceiveClaimsAPrefetchBatchAndLaterReceivesTakeFromIt() throws Exception {
        send(producerSession, queue, numbered(20));
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        assertEquals(List.of("m0"), receiveTexts(consumer, 1));
        assertEquals(PREFETCH, claimedInStore(), "one claim write took a batch of the prefetch");
        assertEquals(numberedList(1, PREFETCH), receiveTexts(consumer, PREFETCH - 1));
        assertEquals(PREFETCH, claimedInStore(), "no further claim while the batch lasted");
        assertEquals(List.of("m" + PREFETCH), receiveTexts(consumer, 1));
        assertEquals(PREFETCH + PREFETCH, claimedInStore(), "the next batch was claimed when the first ran out");
    }

    @Test
    void aBatchOfLargeMessagesIsClaimedOnlyAsFarAsAMebibyte() throws Exception {
        String large = "x".repeat(200_000);
        String[] texts = new String[20];
        java.util.Arrays.fill(texts, large);
        send(producerSession, queue, texts);
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        assertEquals(List.of(large), receiveTexts(consumer, 1));
        int claimed = claimedInStore();
        assertTrue(claimed >= 1 && claimed <= 6, "a 1 MiB batch holds about five 200 kB messages, not the prefetch of "
                + PREFETCH + ": claimed " + claimed);
    }

    @Test
    void anotherLocalConsumerIsServedFromTheBatchAnotherClaimed() throws Exception {
        send(producerSession, queue, numbered(PREFETCH));
        Session first = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertEquals(List.of("m0"), receiveTexts(first.createConsumer(queue), 1));
        Session second = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer secondConsumer = second.createConsumer(queue);
        assertEquals(numberedList(1, PREFETCH), drainNoWait(secondConsumer),
                "a second consumer is not starved by the first one's prefetch");
    }

    @Test
    void closingTheLastConsumerGivesTheBatchBackUnmarked() throws Exception {
        send(producerSession, queue, numbered(20));
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        assertEquals(List.of("m0"), receiveTexts(consumer, 1));
        consumer.close();
        assertEquals(0, claimedInStore(), "the claimed rest went back to the store");
        MessageConsumer again = session.createConsumer(queue);
        for (int i = 1; i < 20; i++) {
            Message m = again.receive(Jms.RECEIVE_MILLIS);
            assertNotNull(m, "m" + i);
            assertEquals("m" + i, text(m));
            assertFalse(m.getJMSRedelivered(), "m" + i + " was never delivered");
            assertEquals(1, m.getIntProperty("JMSXDeliveryCount"));
        }
    }

    @Test
    void rollbackRedeliversAheadOfWhatIsStillBuffered() throws Exception {
        send(producerSession, queue, numbered(6));
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = session.createConsumer(queue);
        assertEquals(numberedList(0, 3), receiveTexts(consumer, 3));
        session.rollback();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Message m = consumer.receive(Jms.RECEIVE_MILLIS);
            assertNotNull(m, "message " + i + " after rollback");
            order.add(text(m));
            assertEquals(i < 3, m.getJMSRedelivered(), text(m) + " redelivered flag");
        }
        assertEquals(numberedList(0, 6), order, "rolled-back messages come first, in order");
        session.commit();
    }

    @Test
    void messageOfHigherPriorityOvertakesWhatIsBuffered() throws Exception {
        send(producerSession, queue, numbered(5));
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        assertEquals(List.of("m0"), receiveTexts(consumer, 1));
        MessageProducer urgent = producerSession.createProducer(queue);
        urgent.setPriority(9);
        urgent.send(producerSession.createTextMessage("urgent"));
        assertEquals(List.of("urgent", "m1", "m2", "m3", "m4"), receiveTexts(consumer, 5));
    }

    @Test
    void bufferedMessageThatExpiresIsNeverDelivered() throws Exception {
        MessageProducer shortLived = producerSession.createProducer(queue);
        shortLived.send(producerSession.createTextMessage("m0"));
        shortLived.setTimeToLive(300);
        shortLived.send(producerSession.createTextMessage("expires"));
        shortLived.setTimeToLive(0);
        shortLived.send(producerSession.createTextMessage("m2"));
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        assertEquals(List.of("m0"), receiveTexts(consumer, 1));
        Thread.sleep(500);
        assertEquals(List.of("m2"), drainNoWait(consumer));
    }

    @Test
    void consumerWithASelectorClaimsOnlyWhatItTakes() throws Exception {
        MessageProducer producer = producerSession.createProducer(queue);
        for (int i = 0; i < 10; i++) {
            Message m = producerSession.createTextMessage("m" + i);
            m.setIntProperty("n", i);
            producer.send(m);
        }
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer even = session.createConsumer(queue, "n - 2 * (n / 2) = 0");
        assertEquals(List.of("m0", "m2"), receiveTexts(even, 2));
        assertEquals(2, claimedInStore(), "a selector's consumer claims no messages it may not want");
    }

    @Test
    void prefetchOfOneClaimsOneMessagePerReceive() throws Exception {
        connection.close();
        connection = factory(1).createConnection();
        connection.start();
        producerSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        send(producerSession, queue, numbered(5));
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        assertEquals(List.of("m0", "m1"), receiveTexts(consumer, 2));
        assertEquals(2, claimedInStore());
    }
}
