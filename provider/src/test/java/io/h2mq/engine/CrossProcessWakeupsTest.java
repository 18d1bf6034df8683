package io.h2mq.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.H2mqQueue;
import io.h2mq.message.H2mqMessage;
import io.h2mq.message.MessageCodec;
import io.h2mq.selector.MessageSelector;
import io.h2mq.store.NewMessage;
import io.h2mq.store.StoreSettings;
import io.h2mq.store.WriteBatch;
import io.h2mq.testing.SharedStore;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;

/**
 * Two brokers on one store are two nodes, as two JVMs would be: a consumer waiting on node B must be woken by a send
 * committed on node A. On PostgreSQL by notification, so with a poll interval of a minute only a notification can
 * explain a wake-up within seconds; on a shared H2 database by adaptive polling, within the poll interval, and fast
 * after activity. A store only this process can open starts no thread at all.
 */
@Timeout(60)
class CrossProcessWakeupsTest {
    private static final long MINUTE = 60_000;

    @TempDir
    Path dir;

    private final List<Broker> brokers = new ArrayList<>();
    private SharedStore shared;

    @AfterEach
    void stopNodes() {
        brokers.forEach(Broker::stop);
        if (shared != null) {
            shared.close();
        }
    }

    private Broker node(String url, long pollMillis) {
        Broker broker = Broker.start(new StoreSettings(url, null, null, 4, false, 30_000, pollMillis, 30_000),
                Clock.system(), DeliveryPolicies.of(DeliveryPolicy.DEFAULT, null));
        brokers.add(broker);
        return broker;
    }

    private Broker[] twoNodes(long pollMillis) throws SQLException {
        return twoNodes(SharedStore.in(dir), pollMillis);
    }

    private Broker[] twoNodes(SharedStore store, long pollMillis) {
        shared = store;
        return new Broker[] {node(shared.url(), pollMillis), node(shared.url(), pollMillis)};
    }

    /** A consumer on {@code node} waits on the queue: its signal has a listener, as a consumer's does. */
    private static Signal waitingConsumer(Broker node, H2mqQueue queue) throws JMSException {
        Signal signal = node.signal(node.queueEndpoint(queue));
        signal.addListener(() -> { });
        return signal;
    }

    private static WriteBatch message(Broker node, H2mqQueue queue, String id) throws JMSException {
        H2mqMessage message = new H2mqMessage();
        message.setJMSMessageID(id);
        message.setJMSDestination(queue);
        message.setJMSDeliveryMode(DeliveryMode.PERSISTENT);
        message.setJMSPriority(4);
        message.setJMSTimestamp(System.currentTimeMillis());
        byte[] body = MessageCodec.encode(message).head();
        return new WriteBatch().send(new NewMessage(body, node.route(queue, message, body.length, "test-connection")));
    }

    /** Sends on {@code sender} and tells how long {@code signal} took to fire, or fails after {@code withinMillis}. */
    private static long millisToWake(Signal signal, Runnable send, long withinMillis) throws InterruptedException {
        long seen = signal.version();
        long start = System.nanoTime();
        send.run();
        assertTrue(signal.awaitChange(seen, start + TimeUnit.MILLISECONDS.toNanos(withinMillis)),
                "not woken within " + withinMillis + " ms");
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static Runnable writing(Broker node, WriteBatch batch) {
        return () -> {
            try {
                node.write(batch);
            } catch (JMSException e) {
                throw new AssertionError(e);
            }
        };
    }

    @Test
    void onPostgresqlANotificationWakesAConsumerOfTheOtherNodeLongBeforeThePoll() throws Exception {
        Broker[] nodes = twoNodes(SharedStore.postgres(), MINUTE);
        H2mqQueue queue = new H2mqQueue("notified");
        Signal onB = waitingConsumer(nodes[1], queue);
        EndpointReader reader = nodes[1].reader(nodes[1].queueEndpoint(queue), MessageSelector.ALL, 10);
        assertNull(reader.poll());

        millisToWake(onB, writing(nodes[0], message(nodes[0], queue, "ID:1")), 10_000);

        Delivery delivery = reader.poll();
        assertNotNull(delivery, "woken, but nothing to claim");
        assertEquals("ID:1", delivery.message().getJMSMessageID());
        reader.close();
    }

    @Test
    void onSharedH2AConsumerOfTheOtherNodeIsWokenWithinThePollInterval() throws Exception {
        long pollMillis = 1_000;
        Broker[] nodes = twoNodes(SharedStore.h2(dir), pollMillis);
        H2mqQueue queue = new H2mqQueue("polled");
        Signal onB = waitingConsumer(nodes[1], queue);
        EndpointReader reader = nodes[1].reader(nodes[1].queueEndpoint(queue), MessageSelector.ALL, 10);
        assertNull(reader.poll());

        // The bound plus room for a tick's own query on a loaded machine.
        millisToWake(onB, writing(nodes[0], message(nodes[0], queue, "ID:1")), pollMillis + 500);

        assertNotNull(reader.poll(), "woken, but nothing to claim");
        reader.close();
    }

    @Test
    void onSharedH2PollingIsFastRightAfterActivity() throws Exception {
        // A ceiling far above what the second wake-up may take: only polling that sped up after the first message
        // explains a fast second one. The first may take up to the ceiling (the poller may be idle at it).
        long ceiling = 20_000;
        Broker[] nodes = twoNodes(SharedStore.h2(dir), ceiling);
        H2mqQueue queue = new H2mqQueue("busy");
        Signal onB = waitingConsumer(nodes[1], queue);
        EndpointReader reader = nodes[1].reader(nodes[1].queueEndpoint(queue), MessageSelector.ALL, 10);
        millisToWake(onB, writing(nodes[0], message(nodes[0], queue, "ID:1")), ceiling + 5_000);
        assertNotNull(reader.pollToConsume());

        long millis = millisToWake(onB, writing(nodes[0], message(nodes[0], queue, "ID:2")), ceiling / 2);

        assertTrue(millis < ceiling / 2, "second wake-up took " + millis + " ms");
        assertEquals("ID:2", reader.poll().message().getJMSMessageID());
        reader.close();
    }

    @Test
    void aSendWhoseAnnouncementIsLostIsFoundByThePollWithinThePollInterval() throws Exception {
        long pollMillis = 1_000;
        Broker[] nodes = twoNodes(pollMillis);
        H2mqQueue queue = new H2mqQueue("unannounced");
        Signal onB = waitingConsumer(nodes[1], queue);
        EndpointReader reader = nodes[1].reader(nodes[1].queueEndpoint(queue), MessageSelector.ALL, 10);
        assertNull(reader.poll());
        WriteBatch batch = message(nodes[0], queue, "ID:quiet");

        // Straight to the store: committed, but neither announced nor woken, as if the notification were lost.
        millisToWake(onB, () -> nodes[0].store().write(batch), pollMillis + 500);

        assertNotNull(reader.poll(), "woken, but nothing to claim");
        reader.close();
    }

    @Test
    void onPostgresqlAKilledListeningConnectionIsReopenedAndWakesEveryWaiter() throws Exception {
        Broker[] nodes = twoNodes(SharedStore.postgres(), MINUTE);
        H2mqQueue queue = new H2mqQueue("relistened");
        Signal onB = waitingConsumer(nodes[1], queue);
        // Each node starts listening on a thread of its own: terminating before both listen would terminate nothing.
        awaitListeningConnections(shared.url(), nodes.length);

        // Notifications sent while it was down are lost: once back, it wakes every waiter to look.
        millisToWake(onB, () -> terminateListeningConnections(shared.url()), 10_000);
        long millis = millisToWake(onB, writing(nodes[0], message(nodes[0], queue, "ID:after")), 10_000);

        assertTrue(millis < 10_000);
    }

    private static void awaitListeningConnections(String url, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int listening;
        while ((listening = listeningConnections(url)) < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(count, listening, "connections listening on the store's channel");
    }

    private static int listeningConnections(String url) {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                     + "WHERE datname = current_database() AND query = ?")) {
            ps.setString(1, "LISTEN h2mq");
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static void terminateListeningConnections(String url) {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     + "WHERE datname = current_database() AND query = ?")) {
            ps.setString(1, "LISTEN h2mq");
            ps.execute();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aStoreOnlyThisProcessCanOpenStartsNoPollingOrListeningThread() {
        Set<String> before = feedThreads();

        node("jdbc:h2:file:" + dir.resolve("exclusive").toAbsolutePath(), 10);

        assertEquals(before, feedThreads());
    }

    private static Set<String> feedThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("h2mq-poll") || t.getName().startsWith("h2mq-listen")
                        || t.getName().startsWith("h2mq-notify"))
                .map(t -> t.getName() + "#" + t.getId())
                .collect(Collectors.toSet());
    }
}
