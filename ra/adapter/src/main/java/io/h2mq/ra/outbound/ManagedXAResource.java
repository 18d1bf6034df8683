package io.h2mq.ra.outbound;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The XA resource of a pooled connection's session, handed to the server's transaction manager. It knows whether a
 * branch is associated with the session right now, which decides what a session handle's {@code getTransacted()},
 * {@code commit()} and {@code rollback()} do. Everything else is the provider's.
 */
final class ManagedXAResource implements XAResource {
    private final XAResource provider;
    private volatile boolean associated;

    ManagedXAResource(XAResource provider) {
        this.provider = provider;
    }

    boolean associated() {
        return associated;
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        provider.start(xid, flags);
        associated = true;
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        associated = false;
        provider.end(xid, flags);
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        return provider.prepare(xid);
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        provider.commit(xid, onePhase);
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        try {
            provider.rollback(xid);
        } finally {
            associated = false;
        }
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        return provider.recover(flag);
    }

    @Override
    public void forget(Xid xid) throws XAException {
        provider.forget(xid);
    }

    @Override
    public boolean isSameRM(XAResource other) throws XAException {
        return provider.isSameRM(other instanceof ManagedXAResource m ? m.provider : other);
    }

    @Override
    public int getTransactionTimeout() throws XAException {
        return provider.getTransactionTimeout();
    }

    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        return provider.setTransactionTimeout(seconds);
    }
}
