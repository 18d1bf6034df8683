package io.h2mq.ra.outbound;

import java.nio.ByteBuffer;
import java.util.UUID;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;

/**
 * A resource-manager local transaction, for servers configured to use one instead of XA: a one-phase branch of the
 * connection's own XA resource under a private transaction id. One mechanism for both, so a session behaves the same
 * whichever kind the server chose.
 */
final class ManagedLocalTransaction implements LocalTransaction {
    private static final int FORMAT_ID = 0x68326d71; // "h2mq"

    private final XAResource resource;
    private Xid current;

    ManagedLocalTransaction(XAResource resource) {
        this.resource = resource;
    }

    @Override
    public synchronized void begin() throws ResourceException {
        if (current != null) {
            throw new LocalTransactionException("h2mq local transaction already begun on this connection");
        }
        Xid xid = newXid();
        try {
            resource.start(xid, XAResource.TMNOFLAGS);
        } catch (XAException e) {
            throw failure("begin", e);
        }
        current = xid;
    }

    @Override
    public synchronized void commit() throws ResourceException {
        Xid xid = take("commit");
        try {
            resource.end(xid, XAResource.TMSUCCESS);
            resource.commit(xid, true);
        } catch (XAException e) {
            throw failure("commit", e);
        }
    }

    @Override
    public synchronized void rollback() throws ResourceException {
        Xid xid = take("roll back");
        boolean rolledBackAlready = false;
        try {
            resource.end(xid, XAResource.TMSUCCESS);
        } catch (XAException e) {
            // XA_RB*: the branch failed or timed out and is rolled back already, which is what was asked.
            rolledBackAlready = e.errorCode >= XAException.XA_RBBASE && e.errorCode <= XAException.XA_RBEND;
            if (!rolledBackAlready) {
                throw failure("roll back", e);
            }
        }
        try {
            resource.rollback(xid);
        } catch (XAException e) {
            if (!(rolledBackAlready && e.errorCode == XAException.XAER_NOTA)) {
                throw failure("roll back", e);
            }
        }
    }

    private Xid take(String what) throws LocalTransactionException {
        Xid xid = current;
        if (xid == null) {
            throw new LocalTransactionException("h2mq cannot " + what + ": no local transaction begun on this "
                    + "connection");
        }
        current = null;
        return xid;
    }

    private static LocalTransactionException failure(String what, XAException e) {
        return new LocalTransactionException("h2mq local transaction could not " + what + " (XA error code "
                + e.errorCode + "): " + e.getMessage(), e);
    }

    private static Xid newXid() {
        UUID id = UUID.randomUUID();
        byte[] gtrid = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array();
        return new Xid() {
            @Override
            public int getFormatId() {
                return FORMAT_ID;
            }

            @Override
            public byte[] getGlobalTransactionId() {
                return gtrid.clone();
            }

            @Override
            public byte[] getBranchQualifier() {
                return new byte[] {1};
            }
        };
    }
}
