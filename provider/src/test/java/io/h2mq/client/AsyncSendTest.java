package io.h2mq.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.H2mqConnectionFactory;
import io.h2mq.testing.TestStores;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;

/**
 * Asynchronous send with a {@link CompletionListener}: callbacks in send order on a provider thread, close and commit
 * waiting for them, the calls a callback must not make on its own session, and failures reported to
 * {@code onException} rather than thrown at the sender.
 */
@Timeout(30)
class AsyncSendTest {
    private static final int MANY = 10_000;

    @TempDir
    Path dir;

    String url;
    H2mqConnectionFactory factory;
    Connection connection;
    Session session;
    Queue queue;

    @BeforeEach
    void connect() throws JMSException {
        factory = StoreFixture.factory(dir);
        url = factory.getUrl();
        connection = factory.createConnection();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        queue = session.createQueue("async");
    }

    @AfterEach
    void close() throws JMSException {
        connection.close();
    }

    /** What one callback saw; completes when it is called, with whichever of the two methods ran. */
    static final class Outcome implements CompletionListener {
        final CompletableFuture<Message> completed = new CompletableFuture<>();
        final AtomicReference<Exception> failure = new AtomicReference<>();
        final AtomicReference<Thread> thread = new AtomicReference<>();

        @Override
        public void onCompletion(Message message) {
            thread.set(Thread.currentThread());
            completed.complete(message);
        }

        @Override
        public void onException(Message message, Exception exception) {
            thread.set(Thread.currentThread());
            failure.set(exception);
            completed.complete(message);
        }

        Message await() throws Exception {
            return completed.get(10, TimeUnit.SECONDS);
        }
    }

    /** A callback that does not return until the test lets it, so that a completion stays outstanding. */
    static final class HeldCallback implements CompletionListener {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicBoolean returned = new AtomicBoolean();

        @Override
        public void onCompletion(Message message) {
            entered.countDown();
            try {
                assertTrue(release.await(20, TimeUnit.SECONDS), "the test never released the callback");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            returned.set(true);
        }

        @Override
        public void onException(Message message, Exception exception) {
            onCompletion(message);
        }
    }

    // ---- order and threads ------------------------------------------------------------------------------------

    @Test
    @Timeout(120)
    void tenThousandAsyncSendsCompleteInSendOrderOnAnotherThreadAndAreAllReceivable() throws Exception {
        List<Integer> completionOrder = new ArrayList<>(MANY);
        Set<Thread> callbackThreads = new HashSet<>();
        List<Exception> failures = new ArrayList<>();
        CountDownLatch allDone = new CountDownLatch(MANY);
        CompletionListener listener = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                record(message, null);
            }

            @Override
            public void onException(Message message, Exception exception) {
                record(message, exception);
            }

            private void record(Message message, Exception exception) {
                synchronized (completionOrder) {
                    callbackThreads.add(Thread.currentThread());
                    if (exception != null) {
                        failures.add(exception);
                    }
                    try {
                        completionOrder.add(message.getIntProperty("seq"));
                    } catch (JMSException e) {
                        failures.add(e);
                    }
                }
                allDone.countDown();
            }
        };
        MessageProducer producer = session.createProducer(queue);

        long start = System.nanoTime();
        for (int i = 0; i < MANY; i++) {
            Message message = session.createTextMessage("m" + i);
            message.setIntProperty("seq", i);
            producer.send(message, listener);
        }
        long sent = System.nanoTime();
        assertTrue(allDone.await(60, TimeUnit.SECONDS), "only " + (MANY - allDone.getCount()) + " completed");
        long completed = System.nanoTime();
        System.out.printf("%d async sends: send() calls returned after %d ms, all completions after %d ms%n", MANY,
                TimeUnit.NANOSECONDS.toMillis(sent - start), TimeUnit.NANOSECONDS.toMillis(completed - start));

        synchronized (completionOrder) {
            assertEquals(List.of(), failures);
            assertEquals(MANY, completionOrder.size());
            for (int i = 1; i < MANY; i++) {
                assertTrue(completionOrder.get(i) > completionOrder.get(i - 1),
                        "completion " + i + " (seq " + completionOrder.get(i) + ") came after seq "
                                + completionOrder.get(i - 1));
            }
            assertFalse(callbackThreads.contains(Thread.currentThread()), "a callback ran on the sending thread");
        }

        connection.start();
        MessageConsumer consumer = session.createConsumer(queue);
        Set<Integer> received = new HashSet<>();
        for (int i = 0; i < MANY; i++) {
            Message m = consumer.receive(Jms.RECEIVE_MILLIS);
            assertTrue(m != null, "only " + i + " of " + MANY + " messages were receivable");
            received.add(m.getIntProperty("seq"));
        }
        assertEquals(MANY, received.size());
        assertNull(consumer.receiveNoWait());
        System.out.printf("%d messages received after %d ms%n", MANY,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - completed));
    }

    @Test
    void callbackGetsTheMessageObjectThatWasSent() throws Exception {
        Outcome outcome = new Outcome();
        Message sent = session.createTextMessage("same");
        session.createProducer(queue).send(sent, outcome);
        assertSame(sent, outcome.await());
        assertNull(outcome.failure.get());
        assertNotSame(Thread.currentThread(), outcome.thread.get());
    }

    // ---- close and commit wait for completions ----------------------------------------------------------------

    /** Runs {@code call} on another thread and shows it is still waiting while the held callback has not returned. */
    private static void assertWaitsForHeldCallback(HeldCallback held, String what, JmsCall call) throws Exception {
        assertTrue(held.entered.await(10, TimeUnit.SECONDS), "the completion callback was never called");
        AtomicBoolean callbackHadReturned = new AtomicBoolean();
        AtomicReference<JMSException> failed = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                call.run();
                callbackHadReturned.set(held.returned.get());
            } catch (JMSException e) {
                failed.set(e);
            }
        }, what);
        caller.start();
        Jms.waitFor(() -> caller.getState() == Thread.State.WAITING
                || caller.getState() == Thread.State.TIMED_WAITING
                || caller.getState() == Thread.State.TERMINATED, what + " to block or finish");
        assertTrue(caller.isAlive(), what + " returned while a completion was outstanding");
        held.release.countDown();
        caller.join(10_000);
        assertFalse(caller.isAlive(), what + " did not return once the completion was made");
        assertNull(failed.get(), what + " threw");
        assertTrue(callbackHadReturned.get(), what + " returned before the completion callback had returned");
    }

    @FunctionalInterface
    interface JmsCall {
        void run() throws JMSException;
    }

    @Test
    void sessionCloseWaitsForOutstandingCompletions() throws Exception {
        HeldCallback held = new HeldCallback();
        session.createProducer(queue).send(session.createTextMessage("held"), held);
        assertWaitsForHeldCallback(held, "session.close()", session::close);
    }

    @Test
    void commitWaitsForOutstandingCompletions() throws Exception {
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        HeldCallback held = new HeldCallback();
        transacted.createProducer(queue).send(transacted.createTextMessage("held"), held);
        assertWaitsForHeldCallback(held, "session.commit()", transacted::commit);

        connection.start();
        assertEquals("held", Jms.text(session.createConsumer(queue).receive(Jms.RECEIVE_MILLIS)));
    }

    // ---- what a callback may and may not do --------------------------------------------------------------------

    /** A callback that runs {@code calls} on its own objects and keeps what each threw (or null if it returned). */
    static final class CallingCallback implements CompletionListener {
        final List<JmsCall> calls;
        final List<Exception> thrown = new ArrayList<>();
        final CountDownLatch done = new CountDownLatch(1);

        CallingCallback(List<JmsCall> calls) {
            this.calls = calls;
        }

        @Override
        public void onCompletion(Message message) {
            for (JmsCall call : calls) {
                try {
                    call.run();
                    thrown.add(null);
                } catch (JMSException | RuntimeException e) {
                    thrown.add(e);
                }
            }
            done.countDown();
        }

        @Override
        public void onException(Message message, Exception exception) {
            onCompletion(message);
        }

        List<Exception> await() throws InterruptedException {
            assertTrue(done.await(10, TimeUnit.SECONDS), "the completion callback was never called");
            return thrown;
        }
    }

    @Test
    void callbackThatClosesOrCommitsItsOwnSessionGetsIllegalStateExceptionButMayStopTheConnection()
            throws Exception {
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer producer = transacted.createProducer(queue);
        CallingCallback callback = new CallingCallback(List.of(transacted::close, transacted::commit,
                transacted::rollback, producer::close, connection::close, connection::stop));
        producer.send(transacted.createTextMessage("x"), callback);
        List<Exception> thrown = callback.await();

        assertInstanceOf(IllegalStateException.class, thrown.get(0), "session.close()");
        assertInstanceOf(IllegalStateException.class, thrown.get(1), "session.commit()");
        assertInstanceOf(IllegalStateException.class, thrown.get(2), "session.rollback()");
        assertInstanceOf(IllegalStateException.class, thrown.get(3), "producer.close()");
        assertInstanceOf(IllegalStateException.class, thrown.get(4), "connection.close()");
        assertNull(thrown.get(5), "connection.stop() is allowed in a completion listener");

        transacted.commit();
        connection.start();
        assertEquals("x", Jms.text(session.createConsumer(queue).receive(Jms.RECEIVE_MILLIS)));
    }

    @Test
    void callbackThatClosesOrCommitsItsOwnContextGetsIllegalStateRuntimeExceptionButMayStopIt() throws Exception {
        try (JMSContext context = factory.createContext(JMSContext.SESSION_TRANSACTED)) {
            List<Exception> thrown = new ArrayList<>();
            CountDownLatch done = new CountDownLatch(1);
            context.createProducer().setAsync(new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    for (Runnable call : List.<Runnable>of(context::close, context::commit, context::rollback,
                            context::stop)) {
                        try {
                            call.run();
                            thrown.add(null);
                        } catch (RuntimeException e) {
                            thrown.add(e);
                        }
                    }
                    done.countDown();
                }

                @Override
                public void onException(Message message, Exception exception) {
                    onCompletion(message);
                }
            }).send(queue, "ctx");
            assertTrue(done.await(10, TimeUnit.SECONDS), "the completion callback was never called");

            assertInstanceOf(IllegalStateRuntimeException.class, thrown.get(0), "context.close()");
            assertInstanceOf(IllegalStateRuntimeException.class, thrown.get(1), "context.commit()");
            assertInstanceOf(IllegalStateRuntimeException.class, thrown.get(2), "context.rollback()");
            assertNull(thrown.get(3), "context.stop() is allowed in a completion listener");

            context.commit();
            context.start();
            assertEquals("ctx", context.createConsumer(queue).receiveBody(String.class, Jms.RECEIVE_MILLIS));
        }
    }

    // ---- failures go to onException ---------------------------------------------------------------------------

    @Test
    void sendToADeletedTemporaryQueueReachesOnExceptionWithInvalidDestination() throws Exception {
        TemporaryQueue temporary = session.createTemporaryQueue();
        MessageProducer producer = session.createProducer(temporary);
        temporary.delete();
        Outcome outcome = new Outcome();
        Message sent = session.createTextMessage("nowhere");

        producer.send(sent, outcome);

        assertSame(sent, outcome.await());
        assertInstanceOf(InvalidDestinationException.class, outcome.failure.get());
        assertNotSame(Thread.currentThread(), outcome.thread.get());
    }

    @Test
    void sendWhenTheStoreIsGoneReachesOnExceptionInsteadOfThrowing() throws Exception {
        MessageProducer producer = session.createProducer(queue);
        producer.send(session.createTextMessage("before"));
        TestStores.shutDown(url);
        Outcome outcome = new Outcome();
        Message sent = session.createTextMessage("after");

        producer.send(sent, outcome);

        assertSame(sent, outcome.await());
        assertInstanceOf(JMSException.class, outcome.failure.get(), "the send after SHUTDOWN did not fail");
        assertNotSame(Thread.currentThread(), outcome.thread.get());
    }
}
