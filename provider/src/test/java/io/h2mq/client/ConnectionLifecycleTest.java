package io.h2mq.client;

import jakarta.jms.CompletionListener;
import static io.h2mq.client.Jms.browse;
import static io.h2mq.client.Jms.send;
import static io.h2mq.client.Jms.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.H2mqConnectionFactory;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/** Connection start/stop/close, the rules for listeners calling them, client IDs, credentials and metadata. */
@Timeout(30)
class ConnectionLifecycleTest {
    /** How long a paused delivery is watched for not happening. */
    private static final long QUIET_MILLIS = 200;

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
        session = connection.createSession();
        queue = session.createQueue("lifecycle");
    }

    @AfterEach
    void close() throws JMSException {
        connection.close();
    }

    private BlockingQueue<String> listenTo(Queue q) throws JMSException {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        session.createConsumer(q).setMessageListener(m -> {
            try {
                got.add(text(m));
            } catch (JMSException e) {
                got.add("error: " + e);
            }
        });
        return got;
    }

    // ---- start and stop ----------------------------------------------------------------------------------------

    @Test
    void stopPausesAListenerUntilStart() throws Exception {
        BlockingQueue<String> got = listenTo(queue);
        send(session, queue, "before-stop");
        connection.start();
        assertEquals("before-stop", got.poll(10, TimeUnit.SECONDS));

        connection.stop();
        send(session, queue, "while-stopped");
        assertNull(got.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS), "no delivery while stopped");
        assertEquals(List.of("while-stopped"), browse(session, queue));

        connection.start();
        assertEquals("while-stopped", got.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void receiveOnAStoppedConnectionWaitsUntilStart() throws Exception {
        send(session, queue, "held");
        MessageConsumer consumer = session.createConsumer(queue);
        CompletableFuture<Message> received = new CompletableFuture<>();
        Thread receiver = new Thread(() -> {
            try {
                received.complete(consumer.receive(20_000));
            } catch (Throwable t) {
                received.completeExceptionally(t);
            }
        }, "receiver");
        receiver.start();
        Jms.waitUntilBlocked(receiver);
        assertFalse(received.isDone());

        connection.start();

        assertEquals("held", text(received.get(10, TimeUnit.SECONDS)));
    }

    @Test
    void receiveOnAStoppedConnectionTimesOutAndLeavesTheMessage() throws JMSException {
        send(session, queue, "held");
        MessageConsumer consumer = session.createConsumer(queue);
        assertNull(consumer.receive(QUIET_MILLIS));
        assertNull(consumer.receiveNoWait());
        assertEquals(List.of("held"), browse(session, queue));
    }

    @Test
    void startingAStartedConnectionAndStoppingAStoppedOneDoNothing() throws Exception {
        connection.stop();
        connection.start();
        connection.start();
        send(session, queue, "fine");
        assertEquals("fine", text(session.createConsumer(queue).receive(Jms.RECEIVE_MILLIS)));
        connection.stop();
        connection.stop();
    }

    @Test
    void closeWaitsForARunningListenerToReturn() throws Exception {
        assertCallWaitsForRunningListener(true);
    }

    @Test
    void stopWaitsForARunningListenerToReturn() throws Exception {
        assertCallWaitsForRunningListener(false);
    }

    private void assertCallWaitsForRunningListener(boolean close) throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean listenerReturned = new AtomicBoolean();
        session.createConsumer(queue).setMessageListener(m -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listenerReturned.set(true);
        });
        send(session, queue, "slow");
        connection.start();
        assertTrue(entered.await(10, TimeUnit.SECONDS));

        CompletableFuture<Boolean> returnedWhenCallReturned = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                if (close) {
                    connection.close();
                } else {
                    connection.stop();
                }
                returnedWhenCallReturned.complete(listenerReturned.get());
            } catch (Throwable t) {
                returnedWhenCallReturned.completeExceptionally(t);
            }
        }, close ? "closer" : "stopper");
        caller.start();
        Jms.waitUntilBlocked(caller);
        assertFalse(returnedWhenCallReturned.isDone(), "must wait for onMessage to return");

        release.countDown();

        assertTrue(returnedWhenCallReturned.get(10, TimeUnit.SECONDS));
    }

    @Test
    void closingTheConnectionFromItsOwnListenerIsIllegalState() throws Exception {
        assertInstanceOf(IllegalStateException.class, failureInListener(Connection::close));
    }

    @Test
    void stoppingTheConnectionFromItsOwnListenerIsIllegalState() throws Exception {
        assertInstanceOf(IllegalStateException.class, failureInListener(Connection::stop));
    }

    private interface ConnectionCall {
        void call(Connection c) throws JMSException;
    }

    /** Runs {@code call} inside onMessage and returns what it threw (or a marker exception if nothing). */
    private Throwable failureInListener(ConnectionCall call) throws Exception {
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        session.createConsumer(queue).setMessageListener(m -> {
            try {
                call.call(connection);
                thrown.complete(new AssertionError("the call returned normally"));
            } catch (Throwable t) {
                thrown.complete(t);
            }
        });
        send(session, queue, "trigger");
        connection.start();
        return thrown.get(10, TimeUnit.SECONDS);
    }

    @Test
    void consumerMayCloseItselfFromItsOwnListener() throws Exception {
        send(session, queue, "first", "second");
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        MessageConsumer consumer = session.createConsumer(queue);
        consumer.setMessageListener(m -> {
            try {
                got.add(text(m));
                consumer.close();
                closed.complete(null);
            } catch (Throwable t) {
                closed.completeExceptionally(t);
            }
        });
        connection.start();
        closed.get(10, TimeUnit.SECONDS);
        assertEquals("first", got.poll(10, TimeUnit.SECONDS));
        assertNull(got.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS));
        assertEquals(List.of("second"), browse(session, queue));
    }

    // ---- client ID ---------------------------------------------------------------------------------------------

    @Test
    void clientIdSetRightAfterCreationIsReported() throws JMSException {
        Connection c = factory.createConnection();
        try {
            assertNull(c.getClientID());
            c.setClientID("fresh");
            assertEquals("fresh", c.getClientID());
        } finally {
            c.close();
        }
    }

    @Test
    void clientIdSetAfterAnotherActionIsIllegalState() throws JMSException {
        Connection c = factory.createConnection();
        try {
            c.createSession();
            assertThrows(IllegalStateException.class, () -> c.setClientID("late"));
        } finally {
            c.close();
        }
        Connection started = factory.createConnection();
        try {
            started.start();
            assertThrows(IllegalStateException.class, () -> started.setClientID("late"));
        } finally {
            started.close();
        }
    }

    @Test
    void clientIdCannotBeSetTwice() throws JMSException {
        Connection c = factory.createConnection();
        try {
            c.setClientID("once");
            assertThrows(IllegalStateException.class, () -> c.setClientID("twice"));
        } finally {
            c.close();
        }
    }

    @Test
    void sameClientIdOnTwoConnectionsIsAnInvalidClientId() throws JMSException {
        Connection first = factory.createConnection();
        Connection second = factory.createConnection();
        try {
            first.setClientID("unique");
            assertThrows(InvalidClientIDException.class, () -> second.setClientID("unique"));
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void clientIdIsFreeAgainOnceItsConnectionCloses() throws JMSException {
        Connection first = factory.createConnection();
        first.setClientID("reused");
        first.close();
        Connection second = factory.createConnection();
        try {
            second.setClientID("reused");
            assertEquals("reused", second.getClientID());
        } finally {
            second.close();
        }
    }

    @Test
    void administeredClientIdCannotBeChanged() throws JMSException {
        H2mqConnectionFactory administered = StoreFixture.factory(dir);
        administered.getOptions().setClientID("admin-set");
        Connection c = administered.createConnection();
        try {
            assertEquals("admin-set", c.getClientID());
            assertThrows(IllegalStateException.class, () -> c.setClientID("other"));
        } finally {
            c.close();
        }
    }

    // ---- credentials -------------------------------------------------------------------------------------------

    private H2mqConnectionFactory securedFactory() {
        H2mqConnectionFactory secured = StoreFixture.factory(dir);
        secured.getOptions().setUsers("j2ee:j2ee");
        return secured;
    }

    @Test
    void wrongCredentialsAreRefusedWithJmsSecurityException() {
        H2mqConnectionFactory secured = securedFactory();
        assertThrows(JMSSecurityException.class, () -> secured.createConnection("j2ee", "wrong"));
        assertThrows(JMSSecurityException.class, () -> secured.createConnection("nobody", "j2ee"));
        assertThrows(JMSSecurityException.class, () -> secured.createQueueConnection("j2ee", "wrong"));
        assertThrows(JMSSecurityException.class, () -> secured.createTopicConnection("j2ee", null));
    }

    @Test
    void wrongCredentialsForAContextAreRefusedWithJmsSecurityRuntimeException() {
        H2mqConnectionFactory secured = securedFactory();
        assertThrows(JMSSecurityRuntimeException.class, () -> secured.createContext("j2ee", "wrong"));
        assertThrows(JMSSecurityRuntimeException.class,
                () -> secured.createContext("j2ee", "wrong", JMSContext.CLIENT_ACKNOWLEDGE));
    }

    @Test
    void rightCredentialsAndNoCredentialsAreAccepted() throws JMSException {
        H2mqConnectionFactory secured = securedFactory();
        secured.createConnection("j2ee", "j2ee").close();
        secured.createConnection().close();
        try (JMSContext context = secured.createContext("j2ee", "j2ee")) {
            context.createProducer().send(queue, "authenticated");
        }
        assertEquals(List.of("authenticated"), browse(session, queue));
    }

    // ---- metadata ----------------------------------------------------------------------------------------------

    @Test
    void metaDataReportsJakartaMessaging31() throws JMSException {
        ConnectionMetaData meta = connection.getMetaData();
        assertEquals("3.1", meta.getJMSVersion());
        assertEquals(3, meta.getJMSMajorVersion());
        assertEquals(1, meta.getJMSMinorVersion());
        assertEquals("h2mq", meta.getJMSProviderName());
        assertTrue(Collections.list(meta.getJMSXPropertyNames()).contains("JMSXDeliveryCount"));
    }

    @Test
    void consumerCloseWaitsForItsRunningListener() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean listenerReturned = new AtomicBoolean();
        MessageConsumer consumer = session.createConsumer(queue);
        consumer.setMessageListener(m -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listenerReturned.set(true);
        });
        send(session, queue, "slow");
        connection.start();
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        CompletableFuture<Boolean> returnedWhenClosed = new CompletableFuture<>();
        Thread closer = new Thread(() -> {
            try {
                consumer.close();
                returnedWhenClosed.complete(listenerReturned.get());
            } catch (Throwable t) {
                returnedWhenClosed.completeExceptionally(t);
            }
        }, "consumer-closer");
        closer.start();
        Jms.waitUntilBlocked(closer);
        assertFalse(returnedWhenClosed.isDone());
        release.countDown();
        assertTrue(returnedWhenClosed.get(10, TimeUnit.SECONDS));
    }

    @Test
    void completionListenerMustNotCloseItsConnection() throws Exception {
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        session.createProducer(queue).send(session.createTextMessage("async"), new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                try {
                    connection.close();
                    thrown.complete(new AssertionError("close returned normally"));
                } catch (Throwable t) {
                    thrown.complete(t);
                }
            }

            @Override
            public void onException(Message message, Exception exception) {
                thrown.complete(exception);
            }
        });
        assertInstanceOf(IllegalStateException.class, thrown.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("async"), browse(session, queue));
    }

    @Test
    void messagesSurviveTheEngineStoppingWithItsLastConnection() throws Exception {
        H2mqConnectionFactory own = StoreFixture.factory(dir.resolve("restart"));
        Connection first = own.createConnection();
        first.setClientID("restarting");
        Session s1 = first.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = s1.createQueue("restart");
        jakarta.jms.Topic t = s1.createTopic("restart");
        s1.createDurableConsumer(t, "kept").close();
        send(s1, q, "unacknowledged", "untouched");
        send(s1, t, "published");
        first.start();
        assertEquals("unacknowledged", text(s1.createConsumer(q).receive(Jms.RECEIVE_MILLIS)));
        first.close();

        Connection second = own.createConnection();
        try {
            second.setClientID("restarting");
            second.start();
            Session s2 = second.createSession();
            MessageConsumer consumer = s2.createConsumer(q);
            Message back = consumer.receive(Jms.RECEIVE_MILLIS);
            assertEquals("unacknowledged", text(back));
            assertTrue(back.getJMSRedelivered());
            assertEquals("untouched", text(consumer.receive(Jms.RECEIVE_MILLIS)));
            assertEquals("published", text(s2.createDurableConsumer(t, "kept").receive(Jms.RECEIVE_MILLIS)));
        } finally {
            second.close();
        }
    }
}
