package io.h2mq.crash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.H2mqXAConnectionFactory;
import io.h2mq.testing.ChildJvm;
import io.h2mq.testing.TestStores;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.XAConnection;

/**
 * A prepared XA branch survives {@code kill -9} of the process that prepared it: after a restart, recover() returns
 * the branch, commit delivers exactly its sends and removes exactly what it consumed, rollback hands the consumed
 * messages back (redelivered) and its sends never appear. Nothing is lost or duplicated either way.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class XaKill9CrashTest {
    private static final int WAITING = 10;
    private static final int CONSUMED = 4;
    private static final int SENT = 6;

    @TempDir
    Path dir;

    H2mqXAConnectionFactory factory;
    ChildJvm child;

    @BeforeEach
    void fillInputQueue() throws Exception {
        factory = new H2mqXAConnectionFactory(TestStores.url(dir));
        try (Connection c = factory.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue("xa-in"));
            for (int i = 0; i < WAITING; i++) {
                Message m = s.createTextMessage("in-" + i);
                m.setIntProperty("n", i);
                p.send(m);
            }
        }
    }

    @AfterEach
    void killLeftovers() throws Exception {
        if (child != null) {
            child.close();
        }
    }

    private Xid prepareInChildAndKillIt(String global) throws Exception {
        // Prefetch 1: the child claims only what the branch consumes, so exactly those come back redelivered.
        child = ChildJvm.start(dir, List.of(ChildFactory.prefetchOption(1)), XaCrashChild.class, factory.getUrl(),
                Integer.toString(CONSUMED),
                Integer.toString(SENT), global);
        String line;
        while (!"prepared".equals(line = child.nextLine())) {
            if (line == null) {
                throw new AssertionError("child ended before preparing: " + child.describe());
            }
            if (line.startsWith("prepare ")) {
                assertEquals("prepare " + XAResource.XA_OK, line);
            }
        }
        child.killHard();
        return new XaCrashChild.CrashXid(global);
    }

    private static List<Integer> drain(Session session, Queue queue, List<Boolean> redelivered) throws Exception {
        List<Integer> numbers = new ArrayList<>();
        MessageConsumer consumer = session.createConsumer(queue);
        Message m;
        while ((m = consumer.receive(300)) != null) {
            numbers.add(m.getIntProperty("n"));
            redelivered.add(m.getJMSRedelivered());
        }
        consumer.close();
        return numbers;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> r = new ArrayList<>();
        for (int i = from; i < to; i++) {
            r.add(i);
        }
        return r;
    }

    private static Xid recoverOnly(XAResource resource, Xid expected) throws Exception {
        Xid[] recovered = resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
        assertEquals(1, recovered.length, "recover() after the crash lists the prepared branch");
        assertEquals(expected.getFormatId(), recovered[0].getFormatId());
        assertArrayEquals(expected.getGlobalTransactionId(), recovered[0].getGlobalTransactionId());
        assertArrayEquals(expected.getBranchQualifier(), recovered[0].getBranchQualifier());
        return recovered[0];
    }

    @Test
    void preparedBranchSurvivesKill9AndCommitDeliversExactlyItsWork() throws Exception {
        Xid xid = prepareInChildAndKillIt("commit-after-crash");
        try (XAConnection connection = factory.createXAConnection()) {
            connection.start();
            XAResource resource = connection.createXASession().getXAResource();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Xid recovered = recoverOnly(resource, xid);
            List<Boolean> flags = new ArrayList<>();
            assertTrue(drain(session, session.createQueue("xa-out"), flags).isEmpty(),
                    "a prepared branch's sends stay invisible until commit");
            resource.commit(recovered, false);
            assertEquals(range(0, SENT), drain(session, session.createQueue("xa-out"), flags));
            assertEquals(range(CONSUMED, WAITING), drain(session, session.createQueue("xa-in"), new ArrayList<>()),
                    "what the branch consumed is gone, the rest is there once");
            assertEquals(0, resource.recover(XAResource.TMSTARTRSCAN).length);
        }
    }

    @Test
    void preparedBranchSurvivesKill9AndRollbackReturnsItsConsumedMessages() throws Exception {
        Xid xid = prepareInChildAndKillIt("rollback-after-crash");
        try (XAConnection connection = factory.createXAConnection()) {
            connection.start();
            XAResource resource = connection.createXASession().getXAResource();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            resource.rollback(recoverOnly(resource, xid));
            List<Boolean> redelivered = new ArrayList<>();
            assertEquals(range(0, WAITING), drain(session, session.createQueue("xa-in"), redelivered));
            for (int i = 0; i < WAITING; i++) {
                assertEquals(i < CONSUMED, redelivered.get(i), "message " + i + " redelivered flag");
            }
            assertNull(session.createConsumer(session.createQueue("xa-out")).receive(300),
                    "a rolled-back branch's sends never appear");
            assertEquals(0, resource.recover(XAResource.TMSTARTRSCAN).length);
        }
    }
}
