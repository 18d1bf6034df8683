package io.h2mq.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.H2mqConnectionFactory;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.ServerSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;

/**
 * Connection consumers, with a minimal application server in the test: a {@link ServerSessionPool} of sessions of the
 * same connection, each with a session-level message listener, whose {@code ServerSession.start()} runs
 * {@code Session.run()} on a thread of the test's executor.
 */
@Timeout(30)
class ConnectionConsumerTest {
    private static final int POOL_SIZE = 3;

    @TempDir
    Path dir;

    H2mqConnectionFactory factory;
    Connection connection;
    Session session;
    Queue queue;
    final ExecutorService serverThreads = Executors.newFixedThreadPool(POOL_SIZE, r -> {
        Thread t = new Thread(r, "test-server-session");
        t.setDaemon(true);
        return t;
    });
    final Recorder recorder = new Recorder();

    @BeforeEach
    void connect() throws JMSException {
        factory = StoreFixture.factory(dir);
        connection = factory.createConnection();
        connection.setClientID("cc-test");
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        queue = session.createQueue("work");
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
        serverThreads.shutdownNow();
    }

    /** Counts what the session listeners got, by text, and on which threads. */
    static final class Recorder {
        final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        volatile CountDownLatch expected = new CountDownLatch(0);

        void expect(int n) {
            expected = new CountDownLatch(n);
        }

        void onMessage(Message message) {
            try {
                counts.computeIfAbsent(Jms.text(message), k -> new AtomicInteger()).incrementAndGet();
            } catch (JMSException e) {
                counts.computeIfAbsent("unreadable: " + e, k -> new AtomicInteger()).incrementAndGet();
            }
            threads.add(Thread.currentThread().getName());
            expected.countDown();
        }

        void awaitExpected() throws InterruptedException {
            assertTrue(expected.await(20, TimeUnit.SECONDS), expected.getCount() + " messages were never delivered, got "
                    + counts.keySet());
        }

        int total() {
            return counts.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        Set<String> texts() {
            return new TreeSet<>(counts.keySet());
        }
    }

    /** A pool of {@value #POOL_SIZE} server sessions; getServerSession() blocks until one is idle, as it may. */
    final class Pool implements ServerSessionPool {
        final BlockingQueue<ServerSession> idle = new LinkedBlockingQueue<>();
        final AtomicInteger handedOut = new AtomicInteger();

        Pool() throws JMSException {
            for (int i = 0; i < POOL_SIZE; i++) {
                Session s = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                s.setMessageListener(recorder::onMessage);
                idle.add(new Server(s, this));
            }
        }

        @Override
        public ServerSession getServerSession() throws JMSException {
            try {
                ServerSession next = idle.take();
                handedOut.incrementAndGet();
                return next;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JMSException("interrupted while waiting for an idle server session");
            }
        }
    }

    final class Server implements ServerSession {
        final Session serverSession;
        final Pool pool;

        Server(Session serverSession, Pool pool) {
            this.serverSession = serverSession;
            this.pool = pool;
        }

        @Override
        public Session getSession() {
            return serverSession;
        }

        @Override
        public void start() {
            serverThreads.execute(() -> {
                try {
                    serverSession.run();
                } finally {
                    pool.idle.add(this);
                }
            });
        }
    }

    /** Closes the connection consumer and waits until every server session it started has finished run(). */
    private void closeAndQuiesce(ConnectionConsumer consumer, Pool pool) throws Exception {
        consumer.close();
        Jms.waitFor(() -> pool.idle.size() == POOL_SIZE, "the server sessions to finish");
    }

    private void sendNumbered(int count) throws JMSException {
        MessageProducer producer = session.createProducer(queue);
        for (int i = 0; i < count; i++) {
            Message m = session.createTextMessage("m" + i);
            m.setIntProperty("n", i);
            producer.send(m);
        }
        producer.close();
    }

    private static Set<String> texts(int fromInclusive, int toExclusive) {
        return IntStream.range(fromInclusive, toExclusive).mapToObj(i -> "m" + i)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Thread connectionConsumerThread() {
        String name = "h2mq-connection-consumer-" + ((ConnectionImpl) connection).id();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name) && t.isAlive())
                .findFirst().orElseThrow(() -> new AssertionError("no connection consumer thread"));
    }

    @Test
    void everyQueueMessageIsDeliveredExactlyOnceToASessionListener() throws Exception {
        int count = 50;
        recorder.expect(count);
        sendNumbered(count);
        Pool pool = new Pool();
        ConnectionConsumer consumer = connection.createConnectionConsumer(queue, null, pool, 5);
        connection.start();

        recorder.awaitExpected();
        closeAndQuiesce(consumer, pool);

        assertEquals(texts(0, count), recorder.texts());
        assertEquals(count, recorder.total(), "some messages were delivered more than once: " + recorder.counts);
        assertEquals(Set.of("test-server-session"), recorder.threads);
        assertTrue(pool.handedOut.get() >= count / 5, "up to 5 messages per server session, got "
                + pool.handedOut.get() + " server sessions for " + count + " messages");
        assertEquals(List.of(), Jms.browse(session, queue), "acknowledged messages are still on the queue");
    }

    @Test
    void selectorDeliversOnlyMatchingMessagesAndLeavesTheOthers() throws Exception {
        recorder.expect(10);
        sendNumbered(20);
        Pool pool = new Pool();
        ConnectionConsumer consumer = connection.createConnectionConsumer(queue, "n >= 10", pool, 5);
        connection.start();

        recorder.awaitExpected();
        closeAndQuiesce(consumer, pool);

        assertEquals(texts(10, 20), recorder.texts());
        assertEquals(10, recorder.total());
        assertEquals(texts(0, 10), new TreeSet<>(Jms.browse(session, queue)));
    }

    @Test
    void durableConnectionConsumerGetsPublishedMessagesAndItsSubscriptionOutlivesIt() throws Exception {
        Topic topic = session.createTopic("news");
        Pool pool = new Pool();
        ConnectionConsumer consumer = connection.createDurableConnectionConsumer(topic, "reader", null, pool, 5);
        connection.start();
        recorder.expect(10);
        MessageProducer publisher = session.createProducer(topic);
        for (int i = 0; i < 10; i++) {
            publisher.send(session.createTextMessage("m" + i));
        }

        recorder.awaitExpected();
        closeAndQuiesce(consumer, pool);
        assertEquals(texts(0, 10), recorder.texts());
        assertEquals(10, recorder.total());

        publisher.send(session.createTextMessage("while away"));
        MessageConsumer durable = session.createDurableConsumer(topic, "reader");
        assertEquals("while away", Jms.text(durable.receive(Jms.RECEIVE_MILLIS)));
        durable.close();
        session.unsubscribe("reader");
    }

    @Test
    void closedConnectionConsumerDeliversNoMore() throws Exception {
        Pool pool = new Pool();
        ConnectionConsumer consumer = connection.createConnectionConsumer(queue, null, pool, 5);
        connection.start();
        recorder.expect(1);
        Jms.send(session, queue, "before close");
        recorder.awaitExpected();

        closeAndQuiesce(consumer, pool);
        Jms.send(session, queue, "after close");

        assertEquals("after close", Jms.text(session.createConsumer(queue).receive(Jms.RECEIVE_MILLIS)));
        assertEquals(Set.of("before close"), recorder.texts());
        assertEquals(1, recorder.total());
    }

    @Test
    void connectionConsumerOfAStoppedConnectionDeliversOnlyAfterStart() throws Exception {
        Pool pool = new Pool();
        ConnectionConsumer consumer = connection.createConnectionConsumer(queue, null, pool, 5);
        recorder.expect(3);
        Jms.send(session, queue, "a", "b", "c");
        // The send woke the consumer's thread; once it is blocked again it has seen the stopped gate.
        Jms.waitUntilBlocked(connectionConsumerThread());
        assertEquals(0, recorder.total(), "delivered while the connection was stopped");
        assertEquals(0, pool.handedOut.get(), "took a server session while the connection was stopped");
        assertEquals(List.of("a", "b", "c"), Jms.browse(session, queue));

        connection.start();
        recorder.awaitExpected();
        closeAndQuiesce(consumer, pool);
        assertEquals(Set.of("a", "b", "c"), recorder.texts());
        assertEquals(3, recorder.total());
    }

    @Test
    void stoppingTheConnectionPausesAConnectionConsumerUntilRestarted() throws Exception {
        Pool pool = new Pool();
        ConnectionConsumer consumer = connection.createConnectionConsumer(queue, null, pool, 5);
        connection.start();
        recorder.expect(1);
        Jms.send(session, queue, "first");
        recorder.awaitExpected();
        Jms.waitFor(() -> pool.idle.size() == POOL_SIZE, "the server session to finish");

        connection.stop();
        recorder.expect(1);
        Jms.send(session, queue, "second");
        Jms.waitUntilBlocked(connectionConsumerThread());
        assertEquals(Set.of("first"), recorder.texts(), "delivered while the connection was stopped");

        connection.start();
        recorder.awaitExpected();
        closeAndQuiesce(consumer, pool);
        assertEquals(Set.of("first", "second"), recorder.texts());
        assertEquals(2, recorder.total());
    }
}
