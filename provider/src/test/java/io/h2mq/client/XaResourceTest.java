package io.h2mq.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.testing.TestStores;
import io.h2mq.H2mqXAConnectionFactory;

import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.XAConnection;
import jakarta.jms.XAJMSContext;
import jakarta.jms.XASession;

@Timeout(30)
class XaResourceTest {
    @TempDir
    Path dir;

    H2mqXAConnectionFactory factory;
    XAConnection xaConnection;
    XASession xaSession;
    XAResource resource;
    Connection plain;
    Session plainSession;
    Queue queue;

    @BeforeEach
    void open() throws Exception {
        factory = new H2mqXAConnectionFactory(TestStores.url(dir));
        openConnections();
    }

    private void openConnections() throws Exception {
        xaConnection = factory.createXAConnection();
        xaSession = xaConnection.createXASession();
        resource = xaSession.getXAResource();
        plain = factory.createConnection();
        plainSession = plain.createSession(false, Session.AUTO_ACKNOWLEDGE);
        queue = plainSession.createQueue("xa");
        xaConnection.start();
        plain.start();
    }

    @AfterEach
    void close() throws Exception {
        xaConnection.close();
        plain.close();
    }

    private void sendInBranch(Xid xid, String... texts) throws Exception {
        resource.start(xid, XAResource.TMNOFLAGS);
        MessageProducer producer = xaSession.getSession().createProducer(queue);
        for (String t : texts) {
            producer.send(xaSession.createTextMessage(t));
        }
        resource.end(xid, XAResource.TMSUCCESS);
    }

    private String receivePlain(long timeout) throws Exception {
        MessageConsumer consumer = plainSession.createConsumer(queue);
        try {
            Message m = consumer.receive(timeout);
            return m == null ? null : ((TextMessage) m).getText();
        } finally {
            consumer.close();
        }
    }

    private void sendPlain(String text) throws Exception {
        plainSession.createProducer(queue).send(plainSession.createTextMessage(text));
    }

    @Test
    void sendsOfABranchAreInvisibleUntilTwoPhaseCommit() throws Exception {
        Xid xid = TestXid.of("g1", "b1");
        sendInBranch(xid, "one", "two");
        assertNull(receivePlain(200));
        assertEquals(XAResource.XA_OK, resource.prepare(xid));
        assertNull(receivePlain(200));
        resource.commit(xid, false);
        assertEquals("one", receivePlain(5000));
        assertEquals("two", receivePlain(5000));
    }

    @Test
    void onePhaseCommitDeliversTheSends() throws Exception {
        Xid xid = TestXid.of("g2", "b1");
        sendInBranch(xid, "single");
        resource.commit(xid, true);
        assertEquals("single", receivePlain(5000));
    }

    @Test
    void rollbackOfPreparedBranchDropsSendsAndReturnsConsumedMessagesRedelivered() throws Exception {
        sendPlain("consumed-in-branch");
        Xid xid = TestXid.of("g3", "b1");
        resource.start(xid, XAResource.TMNOFLAGS);
        Message got = xaSession.getSession().createConsumer(queue).receive(5000);
        assertEquals("consumed-in-branch", ((TextMessage) got).getText());
        xaSession.getSession().createProducer(queue).send(xaSession.createTextMessage("sent-in-branch"));
        resource.end(xid, XAResource.TMSUCCESS);
        assertEquals(XAResource.XA_OK, resource.prepare(xid));
        assertNull(receivePlain(200), "a prepared branch holds what it consumed and hides what it sent");
        resource.rollback(xid);
        MessageConsumer consumer = plainSession.createConsumer(queue);
        Message back = consumer.receive(5000);
        assertEquals("consumed-in-branch", ((TextMessage) back).getText());
        assertTrue(back.getJMSRedelivered());
        assertNull(consumer.receive(200));
    }

    @Test
    void commitOfPreparedBranchAcknowledgesWhatItConsumed() throws Exception {
        sendPlain("acked-by-commit");
        Xid xid = TestXid.of("g4", "b1");
        resource.start(xid, XAResource.TMNOFLAGS);
        assertNotNull(xaSession.getSession().createConsumer(queue).receive(5000));
        resource.end(xid, XAResource.TMSUCCESS);
        resource.prepare(xid);
        resource.commit(xid, false);
        assertNull(receivePlain(300));
    }

    @Test
    void preparedBranchSurvivesRestartAndIsFoundByRecover() throws Exception {
        sendPlain("held");
        Xid xid = TestXid.of("g5", "b1");
        resource.start(xid, XAResource.TMNOFLAGS);
        assertNotNull(xaSession.getSession().createConsumer(queue).receive(5000));
        xaSession.getSession().createProducer(queue).send(xaSession.createTextMessage("after-restart"));
        resource.end(xid, XAResource.TMSUCCESS);
        resource.prepare(xid);
        close();
        openConnections();
        Xid[] recovered = resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
        assertEquals(1, recovered.length);
        assertTrue(((TestXid) xid).sameAs(recovered[0]));
        assertNull(receivePlain(200), "the consumed message stays held across the restart");
        resource.commit(recovered[0], false);
        assertEquals("after-restart", receivePlain(5000));
        assertNull(receivePlain(200));
        assertEquals(0, resource.recover(XAResource.TMSTARTRSCAN).length);
    }

    @Test
    void readOnlyBranchPreparesAsReadOnly() throws Exception {
        Xid xid = TestXid.of("g6", "b1");
        resource.start(xid, XAResource.TMNOFLAGS);
        resource.end(xid, XAResource.TMSUCCESS);
        assertEquals(XAResource.XA_RDONLY, resource.prepare(xid));
        assertEquals(XAException.XAER_NOTA, assertThrows(XAException.class, () -> resource.commit(xid, false)).errorCode);
    }

    @Test
    void suspendedBranchResumesAndJoinedBranchSharesWork() throws Exception {
        Xid xid = TestXid.of("g7", "b1");
        resource.start(xid, XAResource.TMNOFLAGS);
        xaSession.getSession().createProducer(queue).send(xaSession.createTextMessage("before-suspend"));
        resource.end(xid, XAResource.TMSUSPEND);
        resource.start(xid, XAResource.TMRESUME);
        xaSession.getSession().createProducer(queue).send(xaSession.createTextMessage("after-resume"));
        resource.end(xid, XAResource.TMSUCCESS);
        XASession other = xaConnection.createXASession();
        assertTrue(other.getXAResource().isSameRM(resource));
        other.getXAResource().start(xid, XAResource.TMJOIN);
        other.getSession().createProducer(queue).send(other.createTextMessage("joined"));
        other.getXAResource().end(xid, XAResource.TMSUCCESS);
        resource.commit(xid, true);
        assertEquals("before-suspend", receivePlain(5000));
        assertEquals("after-resume", receivePlain(5000));
        assertEquals("joined", receivePlain(5000));
    }

    @Test
    void branchMarkedFailedIsRolledBackAtPrepare() throws Exception {
        Xid xid = TestXid.of("g8", "b1");
        resource.start(xid, XAResource.TMNOFLAGS);
        xaSession.getSession().createProducer(queue).send(xaSession.createTextMessage("doomed"));
        resource.end(xid, XAResource.TMFAIL);
        assertEquals(XAException.XA_RBROLLBACK,
                assertThrows(XAException.class, () -> resource.prepare(xid)).errorCode);
        assertNull(receivePlain(200));
    }

    @Test
    void branchPastItsTimeoutIsRolledBack() throws Exception {
        sendPlain("returned-by-timeout");
        assertTrue(resource.setTransactionTimeout(1));
        Xid xid = TestXid.of("g9", "b1");
        resource.start(xid, XAResource.TMNOFLAGS);
        assertNotNull(xaSession.getSession().createConsumer(queue).receive(5000));
        Message back = plainSession.createConsumer(queue).receive(10_000);
        assertNotNull(back, "the timeout hands the consumed message back");
        assertTrue(back.getJMSRedelivered());
        assertEquals(XAException.XA_RBTIMEOUT,
                assertThrows(XAException.class, () -> resource.end(xid, XAResource.TMSUCCESS)).errorCode);
    }

    @Test
    void duplicateXidAndUnknownXidAreProtocolErrors() throws Exception {
        Xid xid = TestXid.of("g10", "b1");
        resource.start(xid, XAResource.TMNOFLAGS);
        resource.end(xid, XAResource.TMSUCCESS);
        XAResource other = xaConnection.createXASession().getXAResource();
        assertEquals(XAException.XAER_DUPID,
                assertThrows(XAException.class, () -> other.start(xid, XAResource.TMNOFLAGS)).errorCode);
        assertEquals(XAException.XAER_NOTA, assertThrows(XAException.class,
                () -> resource.commit(TestXid.of("nope", "b1"), false)).errorCode);
        resource.rollback(xid);
    }

    @Test
    void xaSessionIsTransactedAndRefusesLocalCommit() throws Exception {
        assertTrue(xaSession.getTransacted());
        assertThrows(TransactionInProgressException.class, xaSession::commit);
        assertThrows(TransactionInProgressException.class, xaSession::rollback);
    }

    @Test
    void xaSessionOutsideATransactionAcknowledgesAutomatically() throws Exception {
        sendPlain("auto");
        Message m = xaSession.getSession().createConsumer(queue).receive(5000);
        assertNotNull(m);
        xaSession.getSession().createProducer(queue).send(xaSession.createTextMessage("sent-outside"));
        assertEquals("sent-outside", receivePlain(5000));
        assertNull(receivePlain(200));
    }

    @Test
    void xaContextWorksThroughItsResource() throws Exception {
        try (XAJMSContext context = factory.createXAContext()) {
            assertTrue(context.getTransacted());
            assertEquals(JMSContext.SESSION_TRANSACTED, context.getSessionMode());
            assertThrows(TransactionInProgressRuntimeException.class, context::commit);
            Xid xid = TestXid.of("g11", "b1");
            context.getXAResource().start(xid, XAResource.TMNOFLAGS);
            context.getContext().createProducer().send(queue, "from-context");
            context.getXAResource().end(xid, XAResource.TMSUCCESS);
            assertNull(receivePlain(200));
            context.getXAResource().commit(xid, true);
        }
        assertEquals("from-context", receivePlain(5000));
    }

    @Test
    void recoverWithoutStartFlagReturnsNothing() throws Exception {
        assertEquals(0, resource.recover(XAResource.TMNOFLAGS).length);
        assertFalse(Arrays.asList(resource.recover(XAResource.TMSTARTRSCAN)).contains(null));
    }
}
