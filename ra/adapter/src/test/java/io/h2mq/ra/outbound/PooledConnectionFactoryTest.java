package io.h2mq.ra.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import javax.transaction.xa.XAResource;

import io.h2mq.H2mqConnectionFactory;
import io.h2mq.ra.AdminQueue;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionInProgressException;
import jakarta.resource.spi.ConnectionEvent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class PooledConnectionFactoryTest {
    @TempDir
    Path dir;

    private String url;
    private H2mqManagedConnectionFactory mcf;
    private PoolingConnectionManager pool;
    private ConnectionFactory factory;
    private Connection plain;

    @BeforeEach
    void setUp() throws Exception {
        url = "jdbc:h2:file:" + dir.resolve("h2mq");
        mcf = new H2mqManagedConnectionFactory();
        mcf.setUrl(url);
        pool = new PoolingConnectionManager();
        factory = (ConnectionFactory) mcf.createConnectionFactory(pool);
        plain = new H2mqConnectionFactory(url).createConnection();
        plain.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        plain.close();
        pool.destroyAll();
    }

    private H2mqManagedConnection onlyManaged() {
        assertEquals(1, pool.created.size());
        return (H2mqManagedConnection) pool.created.get(0);
    }

    private String receiveText(String queue, long timeout) throws Exception {
        try (Session s = plain.createSession(); MessageConsumer c = s.createConsumer(s.createQueue(queue))) {
            Message m = timeout == 0 ? c.receiveNoWait() : c.receive(timeout);
            return m == null ? null : ((TextMessage) m).getText();
        }
    }

    @Test
    void sendOutsideATransactionIsStoredAtOnce() throws Exception {
        try (Connection c = factory.createConnection()) {
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            assertFalse(s.getTransacted(), "outside a transaction a container session is not transacted");
            assertEquals(Session.AUTO_ACKNOWLEDGE, s.getAcknowledgeMode());
            s.createProducer(s.createQueue("orders")).send(s.createTextMessage("one"));
        }
        assertEquals("one", receiveText("orders", 5000));
    }

    @Test
    void closedHandleReturnsThePhysicalConnectionToThePool() throws Exception {
        factory.createConnection().close();
        factory.createConnection().close();
        assertEquals(1, pool.created.size(), "the second connection reuses the pooled one");
        assertEquals(2, pool.events.stream().filter(e -> e.getId() == ConnectionEvent.CONNECTION_CLOSED).count());
    }

    @Test
    void secondSessionOnOneConnectionIsRefusedUntilTheFirstCloses() throws Exception {
        try (Connection c = factory.createConnection()) {
            Session first = c.createSession();
            IllegalStateException e = assertThrows(IllegalStateException.class, c::createSession);
            assertTrue(e.getMessage().contains("one session at a time"), e.getMessage());
            first.close();
            assertNotNull(c.createSession());
        }
    }

    @Test
    void callsForbiddenInAContainerAreRefusedNamingTheRule() throws Exception {
        try (Connection c = factory.createConnection()) {
            Session s = c.createSession();
            Queue q = s.createQueue("rules");
            assertForbidden(() -> c.setClientID("x"), "Connection.setClientID");
            assertForbidden(() -> c.setExceptionListener(e -> { }), "Connection.setExceptionListener");
            assertForbidden(c::stop, "Connection.stop");
            assertForbidden(() -> c.createConnectionConsumer(q, null, null, 1), "createConnectionConsumer");
            assertForbidden(() -> s.setMessageListener(m -> { }), "Session.setMessageListener");
            MessageConsumer consumer = s.createConsumer(q);
            assertForbidden(() -> consumer.setMessageListener(m -> { }), "MessageConsumer.setMessageListener");
            assertForbidden(() -> s.createProducer(q).send(s.createMessage(), new jakarta.jms.CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                }

                @Override
                public void onException(Message message, Exception exception) {
                }
            }), "CompletionListener");
        }
        try (JMSContext context = factory.createContext()) {
            jakarta.jms.IllegalStateRuntimeException e = assertThrows(jakarta.jms.IllegalStateRuntimeException.class,
                    () -> context.setClientID("x"));
            assertTrue(e.getMessage().contains("JMSContext.setClientID"), e.getMessage());
            assertThrows(jakarta.jms.IllegalStateRuntimeException.class, () -> context.createProducer().setAsync(null));
            assertThrows(jakarta.jms.IllegalStateRuntimeException.class, context::stop);
        }
    }

    private interface JmsCall {
        void run() throws Exception;
    }

    private static void assertForbidden(JmsCall call, String rule) {
        IllegalStateException e = assertThrows(IllegalStateException.class, call::run);
        assertTrue(e.getMessage().contains(rule) && e.getMessage().contains("Jakarta EE"), e.getMessage());
    }

    @Test
    void sendInAnXaBranchThatRollsBackSendsNothing() throws Exception {
        try (Connection c = factory.createConnection()) {
            XAResource xa = onlyManaged().getXAResource();
            TestXid xid = new TestXid("rollback", "1");
            xa.start(xid, XAResource.TMNOFLAGS);
            Session s = c.createSession();
            assertTrue(s.getTransacted(), "inside a transaction the session is part of it");
            assertThrows(TransactionInProgressException.class, s::commit);
            s.createProducer(s.createQueue("xa")).send(s.createTextMessage("never"));
            xa.end(xid, XAResource.TMSUCCESS);
            assertEquals(XAResource.XA_OK, xa.prepare(xid));
            xa.rollback(xid);
        }
        assertNull(receiveText("xa", 300));
    }

    @Test
    void sendInAnXaBranchAppearsOnlyWhenItCommits() throws Exception {
        try (Connection c = factory.createConnection()) {
            XAResource xa = onlyManaged().getXAResource();
            TestXid xid = new TestXid("commit", "1");
            xa.start(xid, XAResource.TMNOFLAGS);
            Session s = c.createSession();
            s.createProducer(s.createQueue("xa")).send(s.createTextMessage("committed"));
            xa.end(xid, XAResource.TMSUCCESS);
            assertNull(receiveText("xa", 0), "invisible before commit");
            assertEquals(XAResource.XA_OK, xa.prepare(xid));
            xa.commit(xid, false);
        }
        assertEquals("committed", receiveText("xa", 5000));
    }

    @Test
    void receiveInAnXaBranchThatRollsBackComesBackRedelivered() throws Exception {
        try (Session s = plain.createSession()) {
            s.createProducer(s.createQueue("in")).send(s.createTextMessage("work"));
        }
        try (Connection c = factory.createConnection()) {
            XAResource xa = onlyManaged().getXAResource();
            TestXid xid = new TestXid("receive", "1");
            xa.start(xid, XAResource.TMNOFLAGS);
            Session s = c.createSession();
            c.start();
            Message m = s.createConsumer(s.createQueue("in")).receive(5000);
            assertEquals("work", ((TextMessage) m).getText());
            xa.end(xid, XAResource.TMSUCCESS);
            xa.rollback(xid);
        }
        try (Session s = plain.createSession(); MessageConsumer c = s.createConsumer(s.createQueue("in"))) {
            Message again = c.receive(5000);
            assertNotNull(again);
            assertTrue(again.getJMSRedelivered());
            assertEquals(2, again.getIntProperty("JMSXDeliveryCount"));
        }
    }

    @Test
    void localTransactionCommitsAndRollsBackTheSessionsWork() throws Exception {
        try (Connection c = factory.createConnection()) {
            H2mqManagedConnection mc = onlyManaged();
            Session s = c.createSession();
            var producer = s.createProducer(s.createQueue("local"));
            mc.getLocalTransaction().begin();
            assertTrue(s.getTransacted());
            producer.send(s.createTextMessage("dropped"));
            mc.getLocalTransaction().rollback();
            mc.getLocalTransaction().begin();
            producer.send(s.createTextMessage("kept"));
            assertNull(receiveText("local", 0));
            mc.getLocalTransaction().commit();
            assertFalse(s.getTransacted());
        }
        assertEquals("kept", receiveText("local", 5000));
        assertNull(receiveText("local", 0));
    }

    @Test
    void poolCleanupClosesWhatTheApplicationLeftOpenAndStopsTheConnection() throws Exception {
        MessageConsumer leftOpen;
        TemporaryQueue temporary;
        try (Connection c = factory.createConnection()) {
            Session s = c.createSession();
            c.start();
            leftOpen = s.createConsumer(s.createQueue("left"));
            temporary = s.createTemporaryQueue();
        }
        assertThrows(IllegalStateException.class, () -> leftOpen.receiveNoWait());
        try (Session s = plain.createSession()) {
            assertThrows(jakarta.jms.InvalidDestinationException.class,
                    () -> s.createProducer(temporary).send(s.createMessage()),
                    "the handle's temporary queue is deleted when the handle closes");
            s.createProducer(s.createQueue("left")).send(s.createTextMessage("for the next user"));
        }
        try (Connection reused = factory.createConnection()) {
            assertEquals(1, pool.created.size());
            Session s = reused.createSession();
            MessageConsumer c = s.createConsumer(s.createQueue("left"));
            assertNull(c.receive(200), "a reused connection is stopped until its new user starts it");
            reused.start();
            assertEquals("for the next user", ((TextMessage) c.receive(5000)).getText());
        }
    }

    @Test
    void contextFromTheFactorySendsAndReceivesBodies() throws Exception {
        try (JMSContext context = factory.createContext()) {
            Queue q = context.createQueue("simple");
            context.createProducer().setProperty("kind", "greeting").setJMSCorrelationID("c-1").send(q, "hello");
            Message m = context.createConsumer(q).receive(5000);
            assertEquals("hello", m.getBody(String.class));
            assertEquals("greeting", m.getStringProperty("kind"));
            assertEquals("c-1", m.getJMSCorrelationID());
            context.createProducer().send(q, new byte[] {1, 2, 3});
            assertEquals(3, context.createConsumer(q).receiveBody(byte[].class, 5000).length);
        }
    }

    @Test
    void administeredQueueIsAcceptedAsADestination() throws Exception {
        AdminQueue q = new AdminQueue();
        q.setName("admin");
        try (Connection c = factory.createConnection()) {
            Session s = c.createSession();
            s.createProducer(q).send(s.createTextMessage("by name"));
        }
        assertEquals("by name", receiveText("admin", 5000));
    }

    @Test
    void wrongCredentialsAreRefusedWithJMSSecurityException() throws Exception {
        mcf.setOptions("users=app:secret");
        JMSSecurityException e = assertThrows(JMSSecurityException.class,
                () -> factory.createConnection("app", "wrong"));
        assertTrue(e.getMessage().contains("app"), e.getMessage());
        try (Connection c = factory.createConnection("app", "secret")) {
            assertNotNull(c.createSession());
        }
    }

    @Test
    void connectionsAreMatchedOnlyToTheSameUser() throws Exception {
        mcf.setOptions("users=a:1,b:2");
        factory.createConnection("a", "1").close();
        factory.createConnection("b", "2").close();
        assertEquals(2, pool.created.size());
        factory.createConnection("a", "1").close();
        assertEquals(2, pool.created.size());
        assertSame(pool.created.get(0), pool.idle.peek());
    }
}
