package io.h2mq.client;

import jakarta.jms.MessageProducer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import static io.h2mq.client.Jms.browse;
import static io.h2mq.client.Jms.receiveTexts;
import static io.h2mq.client.Jms.send;
import static io.h2mq.client.Jms.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/** Transacted sessions: sends held until commit, receives handed back on rollback, both atomic. */
@Timeout(30)
class TransactionTest {
    @TempDir
    Path dir;

    Connection connection;
    Session plain;
    Session tx;
    Queue queue;

    @BeforeEach
    void connect() throws JMSException {
        connection = StoreFixture.factory(dir).createConnection();
        plain = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        tx = connection.createSession(true, Session.SESSION_TRANSACTED);
        queue = plain.createQueue("tx");
        connection.start();
    }

    @AfterEach
    void close() throws JMSException {
        connection.close();
    }

    @Test
    void transactedSendsAreInvisibleUntilCommit() throws JMSException {
        send(tx, queue, "t1", "t2");
        MessageConsumer consumer = plain.createConsumer(queue);
        assertNull(consumer.receiveNoWait());
        assertEquals(List.of(), browse(plain, queue));

        tx.commit();

        assertEquals(List.of("t1", "t2"), receiveTexts(consumer, 2));
    }

    @Test
    void rollbackDiscardsTransactedSends() throws JMSException {
        send(tx, queue, "discarded");
        tx.rollback();
        send(tx, queue, "kept");
        tx.commit();
        assertEquals(List.of("kept"), browse(plain, queue));
    }

    @Test
    void rollbackOfReceivesRedeliversThemMarkedRedelivered() throws JMSException {
        send(plain, queue, "r1", "r2");
        MessageConsumer consumer = tx.createConsumer(queue);
        assertEquals(List.of("r1", "r2"), receiveTexts(consumer, 2));

        tx.rollback();

        Message first = consumer.receive(Jms.RECEIVE_MILLIS);
        Message second = consumer.receive(Jms.RECEIVE_MILLIS);
        assertEquals(List.of("r1", "r2"), List.of(text(first), text(second)));
        assertTrue(first.getJMSRedelivered());
        assertTrue(second.getJMSRedelivered());
        assertEquals(2, first.getIntProperty("JMSXDeliveryCount"));
        tx.commit();
        assertEquals(List.of(), browse(plain, queue));
    }

    @Test
    void commitOfReceiveAndSendTakesEffectTogether() throws JMSException {
        Queue out = plain.createQueue("tx.out");
        send(plain, queue, "in");
        MessageConsumer consumer = tx.createConsumer(queue);
        assertEquals(List.of("in"), receiveTexts(consumer, 1));
        send(tx, out, "out");
        assertEquals(List.of("in"), browse(plain, queue), "still held by the transaction");
        assertEquals(List.of(), browse(plain, out));

        tx.commit();

        assertEquals(List.of(), browse(plain, queue));
        assertEquals(List.of("out"), browse(plain, out));
    }

    @Test
    void rollbackOfReceiveAndSendUndoesBoth() throws JMSException {
        Queue out = plain.createQueue("tx.out");
        send(plain, queue, "in");
        assertEquals(List.of("in"), receiveTexts(tx.createConsumer(queue), 1));
        send(tx, out, "out");

        tx.rollback();

        assertEquals(List.of("in"), browse(plain, queue));
        assertEquals(List.of(), browse(plain, out));
    }

    @ParameterizedTest(name = "ack mode {0}")
    @ValueSource(ints = {Session.AUTO_ACKNOWLEDGE, Session.CLIENT_ACKNOWLEDGE, Session.DUPS_OK_ACKNOWLEDGE})
    void commitAndRollbackOnANonTransactedSessionAreIllegalState(int mode) throws JMSException {
        Session session = connection.createSession(false, mode);
        assertThrows(IllegalStateException.class, session::commit);
        assertThrows(IllegalStateException.class, session::rollback);
    }

    @Test
    void recoverOnATransactedSessionIsIllegalState() {
        assertThrows(IllegalStateException.class, tx::recover);
    }

    @Test
    void closingATransactedSessionRollsBack() throws JMSException {
        Queue out = plain.createQueue("tx.out");
        send(plain, queue, "received");
        assertEquals(List.of("received"), receiveTexts(tx.createConsumer(queue), 1));
        send(tx, out, "sent");

        tx.close();

        assertEquals(List.of(), browse(plain, out));
        Message back = plain.createConsumer(queue).receive(Jms.RECEIVE_MILLIS);
        assertEquals("received", text(back));
        assertTrue(back.getJMSRedelivered());
    }

    @Test
    void closingTheConnectionRollsBackItsTransactedSessions() throws JMSException {
        Connection other = StoreFixture.factory(dir).createConnection();
        other.start();
        Session otherTx = other.createSession(true, Session.SESSION_TRANSACTED);
        Queue out = plain.createQueue("tx.out");
        send(plain, queue, "received");
        assertEquals(List.of("received"), receiveTexts(otherTx.createConsumer(queue), 1));
        send(otherTx, out, "sent");

        other.close();

        assertEquals(List.of(), browse(plain, out));
        assertEquals(List.of("received"), browse(plain, queue));
    }

    @Test
    void transactedSessionReportsItsMode() throws JMSException {
        assertTrue(tx.getTransacted());
        assertEquals(Session.SESSION_TRANSACTED, tx.getAcknowledgeMode());
        assertEquals(Session.SESSION_TRANSACTED,
                connection.createSession(Session.SESSION_TRANSACTED).getAcknowledgeMode());
    }

    @Test
    void listenerMayCommitEachMessageWithWhatItSent() throws Exception {
        Queue out = plain.createQueue("tx.out");
        send(plain, queue, "t1", "t2");
        MessageProducer forward = tx.createProducer(out);
        CountDownLatch committed = new CountDownLatch(2);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        tx.createConsumer(queue).setMessageListener(m -> {
            try {
                forward.send(tx.createTextMessage("fwd " + text(m)));
                tx.commit();
            } catch (JMSException e) {
                failures.add(e);
            }
            committed.countDown();
        });
        assertTrue(committed.await(10, TimeUnit.SECONDS));
        tx.close();
        assertEquals(List.of(), failures);
        assertEquals(List.of(), browse(plain, queue));
        assertEquals(List.of("fwd t1", "fwd t2"), browse(plain, out));
    }

    @Test
    void transactedListenerThatThrowsGetsTheNextMessageAndCloseRollsBackBoth() throws Exception {
        send(plain, queue, "x1", "x2");
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch both = new CountDownLatch(2);
        tx.createConsumer(queue).setMessageListener(m -> {
            try {
                seen.add(text(m));
            } catch (JMSException e) {
                seen.add("error: " + e);
            }
            both.countDown();
            throw new RuntimeException("listener failure on purpose");
        });
        assertTrue(both.await(10, TimeUnit.SECONDS));
        tx.close();
        assertEquals(List.of("x1", "x2"), seen);
        assertEquals(List.of("x1", "x2"), browse(plain, queue));
    }
}
