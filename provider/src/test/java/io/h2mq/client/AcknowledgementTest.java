package io.h2mq.client;

import static io.h2mq.client.Jms.browse;
import static io.h2mq.client.Jms.drainNoWait;
import static io.h2mq.client.Jms.receiveTexts;
import static io.h2mq.client.Jms.send;
import static io.h2mq.client.Jms.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/** The acknowledgement modes: what comes back after receive, recover, a throwing listener and close. */
@Timeout(30)
class AcknowledgementTest {
    @TempDir
    Path dir;

    Connection connection;
    Session producerSession;
    Queue queue;

    @BeforeEach
    void connect() throws JMSException {
        connection = StoreFixture.factory(dir).createConnection();
        producerSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        queue = producerSession.createQueue("ack");
        connection.start();
    }

    @AfterEach
    void close() throws JMSException {
        connection.close();
    }

    // ---- AUTO_ACKNOWLEDGE --------------------------------------------------------------------------------------

    @Test
    void autoAcknowledgedMessageNeverComesBack() throws JMSException {
        send(producerSession, queue, "once");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        assertEquals(List.of("once"), receiveTexts(consumer, 1));
        session.recover();
        assertEquals(List.of(), drainNoWait(consumer));
        session.close();
        assertEquals(List.of(), browse(producerSession, queue));
    }

    @Test
    void listenerThatThrowsGetsTheMessageAgainMarkedRedelivered() throws Exception {
        send(producerSession, queue, "poison");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<Message> second = new CompletableFuture<>();
        CompletableFuture<Boolean> firstRedelivered = new CompletableFuture<>();
        session.createConsumer(queue).setMessageListener(m -> {
            try {
                if (calls.incrementAndGet() == 1) {
                    firstRedelivered.complete(m.getJMSRedelivered());
                    throw new RuntimeException("listener failure on purpose");
                }
                second.complete(m);
            } catch (JMSException e) {
                second.completeExceptionally(e);
            }
        });
        Message again = second.get(10, TimeUnit.SECONDS);
        assertFalse(firstRedelivered.get());
        assertEquals("poison", text(again));
        assertTrue(again.getJMSRedelivered());
        assertEquals(2, again.getIntProperty("JMSXDeliveryCount"));
        session.close();
        assertEquals(List.of(), browse(producerSession, queue), "acknowledged when the second onMessage returned");
    }

    // ---- CLIENT_ACKNOWLEDGE ------------------------------------------------------------------------------------

    @Test
    void acknowledgeAcknowledgesEveryMessageTheSessionConsumedNotOnlyThatOne() throws JMSException {
        Queue other = producerSession.createQueue("ack.other");
        send(producerSession, queue, "a", "b");
        send(producerSession, other, "c");
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer first = session.createConsumer(queue);
        MessageConsumer second = session.createConsumer(other);
        Message a = first.receive(Jms.RECEIVE_MILLIS);
        assertEquals(List.of("b"), receiveTexts(first, 1));
        assertEquals(List.of("c"), receiveTexts(second, 1));

        a.acknowledge();
        session.recover();

        assertEquals(List.of(), drainNoWait(first));
        assertEquals(List.of(), drainNoWait(second));
        session.close();
        assertEquals(List.of(), browse(producerSession, queue));
        assertEquals(List.of(), browse(producerSession, other));
    }

    @Test
    void recoverRedeliversUnacknowledgedMessagesInOriginalOrderMarkedRedelivered() throws JMSException {
        send(producerSession, queue, "1", "2", "3");
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        assertEquals(List.of("1", "2", "3"), receiveTexts(consumer, 3));

        session.recover();

        List<Message> again = List.of(consumer.receive(Jms.RECEIVE_MILLIS), consumer.receive(Jms.RECEIVE_MILLIS),
                consumer.receive(Jms.RECEIVE_MILLIS));
        assertEquals(List.of("1", "2", "3"), List.of(text(again.get(0)), text(again.get(1)), text(again.get(2))));
        for (Message m : again) {
            assertTrue(m.getJMSRedelivered());
            assertEquals(2, m.getIntProperty("JMSXDeliveryCount"));
        }
        again.get(2).acknowledge();
        session.close();
        assertEquals(List.of(), browse(producerSession, queue));
    }

    @Test
    void closingAClientAcknowledgeSessionReturnsUnacknowledgedMessages() throws JMSException {
        send(producerSession, queue, "kept", "returned");
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        consumer.receive(Jms.RECEIVE_MILLIS).acknowledge();
        assertEquals(List.of("returned"), receiveTexts(consumer, 1));

        session.close();

        Session next = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Message back = next.createConsumer(queue).receive(Jms.RECEIVE_MILLIS);
        assertEquals("returned", text(back));
        assertTrue(back.getJMSRedelivered());
    }

    @Test
    void listenerInClientAcknowledgeModeAcknowledgesThroughTheMessage() throws Exception {
        send(producerSession, queue, "x", "y");
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        List<String> got = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        session.createConsumer(queue).setMessageListener(m -> {
            try {
                got.add(text(m));
                if (got.size() == 2) {
                    m.acknowledge();
                    done.complete(null);
                }
            } catch (JMSException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(10, TimeUnit.SECONDS);
        session.close();
        assertEquals(List.of("x", "y"), got);
        assertEquals(List.of(), browse(producerSession, queue));
    }

    // ---- DUPS_OK_ACKNOWLEDGE -----------------------------------------------------------------------------------

    @Test
    void dupsOkSessionReceivesEveryMessageAndConsumesThem() throws JMSException {
        send(producerSession, queue, "d1", "d2", "d3");
        Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
        assertEquals(Session.DUPS_OK_ACKNOWLEDGE, session.getAcknowledgeMode());
        MessageConsumer consumer = session.createConsumer(queue);
        assertEquals(List.of("d1", "d2", "d3"), receiveTexts(consumer, 3));
        session.close();
        assertEquals(List.of(), browse(producerSession, queue));
    }

    @Test
    void dupsOkAcknowledgesInBatchesAndWhenTheSessionFindsNothingMore() throws JMSException {
        String[] texts = new String[250];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = "d" + i;
        }
        send(producerSession, queue, texts);
        Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        assertEquals(150, receiveTexts(consumer, 150).size());
        assertEquals(250 - DupsOkAcknowledgeMode.ACK_BATCH, browse(producerSession, queue).size(),
                "one batch of acknowledgements written, the rest put off");
        assertEquals(100, receiveTexts(consumer, 100).size());
        assertEquals(List.of(), drainNoWait(consumer));
        assertEquals(List.of(), browse(producerSession, queue), "finding nothing more, the session acknowledged");
    }

    @Test
    void dupsOkRecoverRedeliversNothingAlreadyConsumed() throws JMSException {
        send(producerSession, queue, "r1", "r2", "r3");
        Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        assertEquals(List.of("r1", "r2", "r3"), receiveTexts(consumer, 3));
        session.recover();
        assertEquals(List.of(), drainNoWait(consumer));
        assertEquals(List.of(), browse(producerSession, queue));
    }

    // ---- after close -------------------------------------------------------------------------------------------

    @Test
    void acknowledgeAfterSessionCloseIsIllegalState() throws JMSException {
        send(producerSession, queue, "late");
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Message m = session.createConsumer(queue).receive(Jms.RECEIVE_MILLIS);
        session.close();
        assertThrows(IllegalStateException.class, m::acknowledge);
    }

    @Test
    void acknowledgeAfterConnectionCloseIsIllegalState() throws JMSException {
        Connection other = StoreFixture.factory(dir).createConnection();
        other.start();
        send(producerSession, queue, "late");
        Session session = other.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Message m = session.createConsumer(queue).receive(Jms.RECEIVE_MILLIS);
        other.close();
        assertThrows(IllegalStateException.class, m::acknowledge);
        assertEquals(List.of("late"), browse(producerSession, queue), "unacknowledged, so back on the queue");
    }

    @Test
    void recoverInsideOnMessageInAutoModeHandsTheMessageBack() throws Exception {
        send(producerSession, queue, "again");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        List<String> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        session.createConsumer(queue).setMessageListener(m -> {
            try {
                seen.add(text(m) + (m.getJMSRedelivered() ? " (redelivered)" : ""));
                if (seen.size() == 1) {
                    session.recover();
                } else {
                    done.complete(null);
                }
            } catch (JMSException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(10, TimeUnit.SECONDS);
        session.close();
        assertEquals(List.of("again", "again (redelivered)"), seen);
        assertEquals(List.of(), browse(producerSession, queue));
    }

    @Test
    void clientAcknowledgeListenerThatThrowsGetsTheNextMessageNotTheSameOne() throws Exception {
        send(producerSession, queue, "c1", "c2");
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        List<String> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> secondSeen = new CompletableFuture<>();
        MessageConsumer consumer = session.createConsumer(queue);
        consumer.setMessageListener(m -> {
            try {
                seen.add(text(m) + (m.getJMSRedelivered() ? " (redelivered)" : ""));
            } catch (JMSException e) {
                secondSeen.completeExceptionally(e);
            }
            if (seen.size() == 2) {
                secondSeen.complete(null);
            }
            throw new RuntimeException("listener failure on purpose");
        });
        secondSeen.get(10, TimeUnit.SECONDS);
        connection.stop();
        assertEquals(List.of("c1", "c2"), seen, "no redelivery until the application recovers");
        consumer.setMessageListener(null);
        session.recover();
        connection.start();
        assertEquals(List.of("c1", "c2"), receiveTexts(consumer, 2));
    }
}
