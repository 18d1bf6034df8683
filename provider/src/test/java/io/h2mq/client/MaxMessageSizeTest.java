package io.h2mq.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.testing.TestStores;
import io.h2mq.H2mqConnectionFactory;
import io.h2mq.H2mqOptions;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.ResourceAllocationRuntimeException;
import jakarta.jms.Session;

/** A message larger than maxMessageSize is refused before anything is stored, on every way of sending. */
@Timeout(30)
class MaxMessageSizeTest {
    private static final long LIMIT = 300_000;

    @TempDir
    Path dir;

    private String url() {
        return TestStores.url(dir);
    }

    private H2mqConnectionFactory factory(H2mqOptions options) {
        options.setUrl(url());
        return new H2mqConnectionFactory(options);
    }

    private H2mqConnectionFactory limited() {
        H2mqOptions options = new H2mqOptions();
        options.setMaxMessageSize(LIMIT);
        return factory(options);
    }

    private static BytesMessage bytesMessage(Session session, int length) throws JMSException {
        BytesMessage m = session.createBytesMessage();
        m.writeBytes(new byte[length]);
        return m;
    }

    /** Messages stored, and the queue's depth in messages and bytes, read from the closed store. */
    private long[] storedAndDepth(String queue) throws SQLException {
        try (java.sql.Connection c = DriverManager.getConnection(url());
             Statement st = c.createStatement()) {
            long messages;
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM h2mq_message")) {
                rs.next();
                messages = rs.getLong(1);
            }
            try (ResultSet rs = st.executeQuery("SELECT depth, depth_bytes FROM h2mq_endpoint WHERE ukey = 'Q:"
                    + queue + "'")) {
                assertTrue(rs.next(), "queue " + queue + " exists");
                return new long[] {messages, rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    @Test
    void messageOverTheLimitIsRefusedNamingDestinationSizeAndLimitAndNothingIsStored() throws Exception {
        try (Connection connection = limited().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("limited");
            MessageConsumer consumer = session.createConsumer(queue);
            BytesMessage tooLarge = bytesMessage(session, (int) LIMIT);
            ResourceAllocationException e = assertThrows(ResourceAllocationException.class,
                    () -> session.createProducer(queue).send(tooLarge));
            assertTrue(e.getMessage().matches("a message of \\d+ bytes cannot be sent to queue 'limited': it is "
                    + "larger than maxMessageSize 300000 bytes; nothing was stored"), e.getMessage());
            connection.start();
            assertNull(consumer.receive(100));
        }
        assertEquals(0, storedAndDepth("limited")[0], "no message row");
        assertEquals(0, storedAndDepth("limited")[1], "depth in messages");
        assertEquals(0, storedAndDepth("limited")[2], "depth in bytes");
    }

    @Test
    void messageUnderTheLimitIsSentAndCountedWhole() throws Exception {
        try (Connection connection = limited().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue("limited")).send(bytesMessage(session, 299_000));
        }
        long[] stored = storedAndDepth("limited");
        assertEquals(1, stored[0]);
        assertEquals(1, stored[1]);
        assertTrue(stored[2] > 299_000 && stored[2] < LIMIT, "depth bytes count the head and the body apart: "
                + stored[2]);
    }

    @Test
    void jmsProducerGetsTheRuntimeException() {
        try (JMSContext context = limited().createContext()) {
            Queue queue = context.createQueue("limited");
            ResourceAllocationRuntimeException e = assertThrows(ResourceAllocationRuntimeException.class,
                    () -> context.createProducer().send(queue, new byte[(int) LIMIT]));
            assertTrue(e.getMessage().contains("maxMessageSize 300000"), e.getMessage());
            assertInstanceOf(ResourceAllocationException.class, e.getCause());
        }
    }

    @Test
    void asynchronousSendPassesTheRefusalToItsCompletionListener() throws Exception {
        try (Connection connection = limited().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            CompletableFuture<Exception> outcome = new CompletableFuture<>();
            session.createProducer(session.createQueue("limited")).send(bytesMessage(session, (int) LIMIT),
                    new CompletionListener() {
                        @Override
                        public void onCompletion(Message message) {
                            outcome.complete(null);
                        }

                        @Override
                        public void onException(Message message, Exception exception) {
                            outcome.complete(exception);
                        }
                    });
            assertInstanceOf(ResourceAllocationException.class, outcome.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void transactedSessionRefusesAtSendAndCommitsTheRest() throws Exception {
        try (Connection connection = limited().createConnection()) {
            connection.start();
            Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = tx.createQueue("limited");
            assertThrows(ResourceAllocationException.class,
                    () -> tx.createProducer(queue).send(bytesMessage(tx, (int) LIMIT)));
            tx.createProducer(queue).send(tx.createTextMessage("small"));
            tx.commit();
            MessageConsumer consumer = tx.createConsumer(queue);
            assertNotNull(consumer.receive(5000));
            assertNull(consumer.receive(100), "only the small message was stored");
            tx.commit();
        }
    }

    @Test
    void aDestinationPolicyOverridesTheLimit() throws Exception {
        H2mqOptions options = new H2mqOptions();
        options.setPolicies("tiny:maxMessageSize=1000");
        try (Connection connection = factory(options).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            ResourceAllocationException e = assertThrows(ResourceAllocationException.class,
                    () -> session.createProducer(session.createQueue("tiny")).send(bytesMessage(session, 1000)));
            assertTrue(e.getMessage().contains("queue 'tiny'") && e.getMessage().contains("maxMessageSize 1000 "),
                    e.getMessage());
            session.createProducer(session.createQueue("other")).send(bytesMessage(session, 1000));
        }
    }

    @Test
    void defaultLimitIs128MiB() {
        assertEquals(128L << 20, new H2mqOptions().getMaxMessageSize());
    }

    @Test
    void optionIsReadFromPropertiesAndMustBePositiveAndFitAnInt() {
        Properties props = new Properties();
        props.setProperty("maxMessageSize", "1048576");
        assertEquals(1_048_576, H2mqOptions.fromProperties(props).getMaxMessageSize());
        H2mqOptions options = new H2mqOptions();
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> options.setMaxMessageSize(0));
        assertTrue(zero.getMessage().contains("'maxMessageSize' must be from 1 to 2147483647 bytes, got 0"),
                zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> options.setMaxMessageSize(1L << 31));
        assertEquals(1_048_576, H2mqOptions.fromProperties(H2mqOptions.fromProperties(props).toProperties())
                .getMaxMessageSize(), "survives the round trip through properties (JNDI references)");
    }

    @Test
    void misspelledPolicyValueIsRefusedWhenConnecting() {
        H2mqOptions options = new H2mqOptions();
        options.setPolicies("tiny:maxMessageSize=0");
        JMSException e = assertThrows(JMSException.class, () -> factory(options).createConnection());
        assertTrue(e.getMessage().contains("maxMessageSize must be from 1"), e.getMessage());
    }
}
