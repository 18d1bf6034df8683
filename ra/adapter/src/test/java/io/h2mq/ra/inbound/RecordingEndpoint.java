package io.h2mq.ra.inbound;

import java.lang.reflect.Method;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;

/**
 * One bean instance behind the container's proxy. Transacted, it drives the XA resource it was created with as a
 * container does: beforeDelivery starts a branch, afterDelivery ends it and commits in one phase, or rolls back when
 * onMessage threw.
 */
final class RecordingEndpoint implements MessageEndpoint, MessageListener {
    /** The transaction a container binds to the delivering thread between beforeDelivery and afterDelivery. */
    static final ThreadLocal<RecordingEndpoint> CURRENT = new ThreadLocal<>();

    /** Thrown by the container's proxy before the bean's interceptors run: nothing marks the transaction. */
    static final class ComponentUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ComponentUnavailable(String message) {
            super(message);
        }
    }

    private final RecordingEndpointFactory factory;
    private final XAResource xa;
    private Xid xid;
    private boolean rollbackOnly;
    private boolean delivered;

    RecordingEndpoint(RecordingEndpointFactory factory, XAResource xa) {
        this.factory = factory;
        this.xa = xa;
    }

    @Override
    public void beforeDelivery(Method method) throws ResourceException {
        if (xa == null) {
            throw new ResourceException("beforeDelivery on a non-transacted endpoint: nothing to begin");
        }
        xid = new TestXid();
        rollbackOnly = false;
        delivered = false;
        try {
            xa.start(xid, XAResource.TMNOFLAGS);
        } catch (XAException e) {
            throw new ResourceException("start of " + xid + " failed with XA code " + e.errorCode, e);
        }
        CURRENT.set(this);
    }

    Xid transaction() {
        return xid;
    }

    void markRollbackOnly() {
        rollbackOnly = true;
    }

    @Override
    public void onMessage(Message message) {
        delivered = true;
        try {
            factory.deliver(message);
        } catch (ComponentUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            rollbackOnly = true;
            throw e;
        } catch (Exception e) {
            rollbackOnly = true;
            throw new IllegalStateException("bean failed on " + message, e);
        }
    }

    @Override
    public void afterDelivery() throws ResourceException {
        CURRENT.remove();
        try {
            xa.end(xid, rollbackOnly ? XAResource.TMFAIL : XAResource.TMSUCCESS);
            if (rollbackOnly) {
                xa.rollback(xid);
            } else {
                xa.commit(xid, true);
            }
            if (delivered) {
                factory.ended(!rollbackOnly);
            }
        } catch (XAException e) {
            throw new ResourceException("completion of " + xid + " failed with XA code " + e.errorCode, e);
        }
    }

    @Override
    public void release() {
        factory.endpointReleased();
    }
}
