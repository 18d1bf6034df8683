package io.h2mq.client;

import javax.transaction.xa.XAResource;

import jakarta.jms.JMSContext;
import jakarta.jms.XAJMSContext;

/** The simplified API over an XA session: work is committed by the transaction manager through its XAResource. */
final class XaContextImpl extends ContextImpl implements XAJMSContext {
    XaContextImpl(ConnectionImpl connection) {
        super(connection, JMSContext.SESSION_TRANSACTED, true);
    }

    @Override
    protected SessionImpl openSession(ConnectionImpl connection) {
        return JmsRuntime.get(() -> connection.newXaSession(SessionImpl.Kind.GENERIC));
    }

    @Override
    public JMSContext getContext() {
        session();
        return this;
    }

    @Override
    public XAResource getXAResource() {
        return ((XASessionImpl) session()).getXAResource();
    }
}
