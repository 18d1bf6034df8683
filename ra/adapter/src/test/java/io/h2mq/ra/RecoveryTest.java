package io.h2mq.ra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Timer;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import io.h2mq.H2mqConnectionFactory;
import io.h2mq.H2mqXAConnectionFactory;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class RecoveryTest {
    @TempDir
    Path dir;

    private record Xid1(String gtrid) implements Xid {
        @Override
        public int getFormatId() {
            return 7;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return gtrid.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] getBranchQualifier() {
            return new byte[] {1};
        }
    }

    /** Only what the adapter asks of the server at start: its work manager (unused by recovery). */
    private static final class Bootstrap implements BootstrapContext {
        @Override
        public WorkManager getWorkManager() {
            return null;
        }

        @Override
        public XATerminator getXATerminator() {
            return null;
        }

        @Override
        public Timer createTimer() {
            return new Timer(true);
        }

        @Override
        public boolean isContextSupported(Class<? extends WorkContext> workContextClass) {
            return false;
        }

        @Override
        public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() {
            return null;
        }
    }

    @Test
    void preparedBranchLeftByAnotherConnectionIsFoundAndCommittedThroughTheAdaptersResources() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("h2mq");
        Xid xid = new Xid1("left-by-crash");
        try (XAConnection c = new H2mqXAConnectionFactory(url).createXAConnection()) {
            XASession s = c.createXASession();
            s.getXAResource().start(xid, XAResource.TMNOFLAGS);
            s.getSession().createProducer(s.createQueue("recovered")).send(s.createTextMessage("in doubt"));
            s.getXAResource().end(xid, XAResource.TMSUCCESS);
            assertEquals(XAResource.XA_OK, s.getXAResource().prepare(xid));
        }

        H2mqResourceAdapter ra = new H2mqResourceAdapter();
        ra.setUrl(url);
        ra.start(new Bootstrap());
        try {
            XAResource[] resources = ra.getXAResources(null);
            assertEquals(1, resources.length);
            Xid[] inDoubt = resources[0].recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
            assertEquals(1, inDoubt.length);
            assertArrayEquals(xid.getGlobalTransactionId(), inDoubt[0].getGlobalTransactionId());
            resources[0].commit(inDoubt[0], false);
        } finally {
            ra.stop();
        }
        try (Connection c = new H2mqConnectionFactory(url).createConnection()) {
            c.start();
            Session s = c.createSession();
            assertEquals("in doubt", ((TextMessage) s.createConsumer(s.createQueue("recovered")).receive(5000))
                    .getText());
        }
    }

    @Test
    void adapterWithAMisspelledOptionRefusesToStartNamingIt() {
        H2mqResourceAdapter ra = new H2mqResourceAdapter();
        ra.setOptions("prefech=10");
        ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class,
                () -> ra.start(new Bootstrap()));
        assertTrue(e.getMessage().contains("prefech"), e.getMessage());
    }
}
