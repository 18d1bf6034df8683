package io.h2mq.client;

import javax.transaction.xa.XAResource;

import jakarta.jms.JMSException;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TopicSession;
import jakarta.jms.XAQueueSession;
import jakarta.jms.XASession;
import jakarta.jms.XATopicSession;

/** A session whose transactions are branches of global transactions, driven through its {@link XAResource}. */
final class XASessionImpl extends SessionImpl implements XASession, XAQueueSession, XATopicSession {
    private final XaSessionMode xaMode;
    private final XaResourceImpl resource;

    XASessionImpl(ConnectionImpl connection, Kind kind, XaSessionMode mode) {
        super(connection, Session.SESSION_TRANSACTED, kind, mode);
        this.xaMode = mode;
        this.resource = new XaResourceImpl(this, connection.broker());
    }

    XaSessionMode xaMode() {
        return xaMode;
    }

    void associate(io.h2mq.engine.XaBranch branch) {
        synchronized (modeLock()) {
            xaMode.associate(branch);
        }
    }

    @Override
    public Session getSession() throws JMSException {
        checkOpen();
        return this;
    }

    @Override
    public QueueSession getQueueSession() throws JMSException {
        checkOpen();
        return this;
    }

    @Override
    public TopicSession getTopicSession() throws JMSException {
        checkOpen();
        return this;
    }

    @Override
    public XAResource getXAResource() {
        return resource;
    }
}
