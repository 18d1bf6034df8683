package io.h2mq.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.H2mqConnectionFactory;
import io.h2mq.H2mqOptions;
import io.h2mq.testing.TestStores;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/** The MBeans of an engine, read and invoked through the platform MBeanServer as a JMX console would. */
@Timeout(60)
class MBeansTest {
    private static final String[] ATTRIBUTES = {"Depth", "DepthBytes", "InFlight", "Consumers", "Enqueued",
        "Acknowledged", "Expired", "DeadLettered"};

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @TempDir
    Path dir;

    private String url() {
        return TestStores.url(dir);
    }

    private H2mqOptions options() {
        H2mqOptions options = new H2mqOptions();
        options.setUrl(url());
        options.setMaxDeliveryAttempts(2);
        options.setPrefetch(1);
        return options;
    }

    private Connection connect(H2mqOptions options) throws JMSException {
        Connection connection = new H2mqConnectionFactory(options).createConnection();
        connection.start();
        return connection;
    }

    private ObjectName queue(String name) {
        return MBeans.queueName(Engines.storeId(url()), name);
    }

    private ObjectName broker() {
        return MBeans.brokerName(Engines.storeId(url()));
    }

    private static void send(Session session, String queue, int count, long timeToLive) throws JMSException {
        MessageProducer producer = session.createProducer(session.createQueue(queue));
        producer.setTimeToLive(timeToLive);
        for (int i = 0; i < count; i++) {
            TextMessage message = session.createTextMessage("m" + i);
            message.setIntProperty("n", i);
            producer.send(message);
        }
    }

    /** The MBean of the queue, once the registry has seen it (reading the broker's attributes brings it up). */
    private ObjectName registered(String name) throws Exception {
        ObjectName queue = queue(name);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!server.isRegistered(queue)) {
            assertTrue(System.nanoTime() < deadline, "MBean " + queue + " was never registered");
            server.getAttribute(broker(), "Queues");
            Thread.sleep(50);
        }
        return queue;
    }

    /** The figures of a queue as its MBean shows them. */
    private Map<String, Long> attributes(ObjectName queue) throws Exception {
        Map<String, Long> figures = new LinkedHashMap<>();
        for (String attribute : ATTRIBUTES) {
            figures.put(attribute, ((Number) server.getAttribute(queue, attribute)).longValue());
        }
        return figures;
    }

    /** The same figures counted in the store's tables with plain SQL. */
    private Map<String, Long> counted(String queue) throws Exception {
        Map<String, Long> figures = new LinkedHashMap<>();
        try (java.sql.Connection c = DriverManager.getConnection(url())) {
            long id = single(c, "SELECT id FROM h2mq_endpoint WHERE ukey = ?", "Q:" + queue);
            figures.put("Depth", single(c, "SELECT COUNT(*) FROM h2mq_entry WHERE endpoint_id = ?", id));
            figures.put("DepthBytes", single(c, "SELECT COALESCE(SUM(size), 0) FROM h2mq_entry WHERE endpoint_id = ?",
                    id));
            figures.put("InFlight", single(c, "SELECT COUNT(*) FROM h2mq_entry WHERE endpoint_id = ? "
                    + "AND state IN (1, 3)", id));
            figures.put("Consumers", single(c, "SELECT COALESCE(SUM(consumers), 0) FROM h2mq_consumer "
                    + "WHERE endpoint_id = ?", id));
            for (String[] counter : new String[][] {{"Enqueued", "enqueued"}, {"Acknowledged", "acknowledged"},
                {"Expired", "expired"}, {"DeadLettered", "dead_lettered"}}) {
                figures.put(counter[0], single(c, "SELECT " + counter[1] + " FROM h2mq_endpoint WHERE id = ?", id));
            }
        }
        return figures;
    }

    private static long single(java.sql.Connection c, String sql, Object parameter) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getLong(1);
            }
        }
    }

    /** Waits for the MBean to show what the store holds (its reading is at most a second old), and returns it. */
    private Map<String, Long> agreeing(String name) throws Exception {
        ObjectName queue = registered(name);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            Map<String, Long> shown = attributes(queue);
            Map<String, Long> stored = counted(name);
            if (shown.equals(stored) || System.nanoTime() > deadline) {
                assertEquals(stored, shown, "MBean " + queue + " against the store");
                return shown;
            }
            Thread.sleep(100);
        }
    }

    @Test
    void afterAMixedWorkloadTheAttributesAreWhatTheStoreHolds() throws Exception {
        try (Connection connection = connect(options())) {
            Session auto = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            send(auto, "work", 10, 0);
            MessageConsumer consumer = auto.createConsumer(auto.createQueue("work"));
            for (int i = 0; i < 3; i++) {
                assertNotNull(consumer.receive(5000));
            }
            consumer.close();

            Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer transacted = tx.createConsumer(tx.createQueue("work"));
            Message first = transacted.receive(5000);
            tx.rollback();
            Message again = transacted.receive(5000);
            assertEquals(first.getJMSMessageID(), again.getJMSMessageID());
            assertTrue(again.getJMSRedelivered());
            tx.commit();
            transacted.close();

            send(auto, "ttl", 2, 1);
            long sent = System.currentTimeMillis();
            while (System.currentTimeMillis() <= sent + 5) {
                Thread.onSpinWait();
            }
            assertNull(auto.createConsumer(auto.createQueue("ttl")).receive(300));

            send(tx, "poison", 1, 0);
            tx.commit();
            MessageConsumer poisoned = tx.createConsumer(tx.createQueue("poison"));
            for (int attempt = 0; attempt < 2; attempt++) {
                assertNotNull(poisoned.receive(5000));
                tx.rollback();
            }
            assertNull(poisoned.receive(300));

            Session client = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer holding = client.createConsumer(client.createQueue("work"));
            assertNotNull(holding.receive(5000));

            Map<String, Long> work = agreeing("work");
            assertEquals(10, work.get("Enqueued"));
            assertEquals(4, work.get("Acknowledged"));
            assertEquals(6, work.get("Depth"));
            assertEquals(1, work.get("Consumers"));
            assertTrue(work.get("InFlight") >= 1, "in flight: " + work.get("InFlight"));
            assertTrue(((Number) server.getAttribute(queue("work"), "OldestMessageAgeMillis")).longValue() >= 0);
            assertEquals(2, agreeing("ttl").get("Expired"));
            assertEquals(1, agreeing("poison").get("DeadLettered"));
            assertEquals(1, agreeing("DLQ").get("Depth"));
        }
    }

    @Test
    void theMBeansAreGoneAfterTheLastConnectionCloses() throws Exception {
        Connection first = connect(options());
        Connection second = connect(options());
        Session session = first.createSession(false, Session.AUTO_ACKNOWLEDGE);
        send(session, "work", 1, 0);
        registered("work");
        first.close();
        assertTrue(server.isRegistered(queue("work")), "the second connection still runs the engine");
        second.close();
        assertTrue(server.queryNames(new ObjectName("io.h2mq:store=" + ObjectName.quote(Engines.storeId(url()))
                + ",*"), null).isEmpty());
    }

    @Test
    void withJmxOffNothingIsRegistered() throws Exception {
        H2mqOptions options = options();
        options.setJmx(false);
        try (Connection connection = connect(options)) {
            send(connection.createSession(false, Session.AUTO_ACKNOWLEDGE), "work", 1, 0);
            assertFalse(server.isRegistered(broker()));
            assertFalse(server.isRegistered(queue("work")));
        }
    }

    @Test
    void purgeDeletesEveryReadyMessage() throws Exception {
        try (Connection connection = connect(options())) {
            send(connection.createSession(false, Session.AUTO_ACKNOWLEDGE), "work", 5, 0);
            assertEquals(5L, server.invoke(registered("work"), "purge", new Object[0], new String[0]));
            assertEquals(0, agreeing("work").get("Depth"));
        }
    }

    @Test
    void purgeWithASelectorDeletesTheMatchingMessages() throws Exception {
        try (Connection connection = connect(options())) {
            send(connection.createSession(false, Session.AUTO_ACKNOWLEDGE), "work", 5, 0);
            assertEquals(2L, server.invoke(registered("work"), "purge", new Object[] {"n < 2"},
                    new String[] {String.class.getName()}));
            assertEquals(3, agreeing("work").get("Depth"));
        }
    }

    @Test
    void aBadSelectorComesBackAsAnIllegalArgument() throws Exception {
        try (Connection connection = connect(options())) {
            send(connection.createSession(false, Session.AUTO_ACKNOWLEDGE), "work", 1, 0);
            RuntimeMBeanException e = assertThrows(RuntimeMBeanException.class, () -> server.invoke(
                    registered("work"), "purge", new Object[] {"n <"}, new String[] {String.class.getName()}));
            assertTrue(e.getCause() instanceof IllegalArgumentException, String.valueOf(e.getCause()));
            assertTrue(e.getCause().getMessage().contains("n <"), e.getCause().getMessage());
        }
    }

    @Test
    void moveMessagesSendsTheMatchingMessagesToTheTarget() throws Exception {
        try (Connection connection = connect(options())) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            send(session, "work", 5, 0);
            assertEquals(3L, server.invoke(registered("work"), "moveMessages", new Object[] {"n >= 2", "other"},
                    new String[] {String.class.getName(), String.class.getName()}));
            assertEquals(3, agreeing("other").get("Depth"));
            assertEquals(2, agreeing("work").get("Depth"));
            TextMessage moved = (TextMessage) session.createConsumer(session.createQueue("other")).receive(5000);
            assertEquals("m2", moved.getText());
        }
    }

    @Test
    void retryDeadLettersSendsThemBack() throws Exception {
        try (Connection connection = connect(options())) {
            Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
            send(tx, "poison", 1, 0);
            tx.commit();
            MessageConsumer consumer = tx.createConsumer(tx.createQueue("poison"));
            for (int attempt = 0; attempt < 2; attempt++) {
                assertNotNull(consumer.receive(5000));
                tx.rollback();
            }
            assertNull(consumer.receive(300));

            assertEquals(1L, server.invoke(registered("DLQ"), "retryDeadLetters", new Object[0], new String[0]));

            Message back = consumer.receive(5000);
            assertEquals("m0", ((TextMessage) Objects.requireNonNull(back)).getText());
            tx.commit();
            assertEquals(0, agreeing("DLQ").get("Depth"));
        }
    }
}
