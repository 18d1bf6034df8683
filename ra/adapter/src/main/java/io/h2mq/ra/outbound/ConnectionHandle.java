package io.h2mq.ra.outbound;

import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;

/**
 * The connection an application gets from an application server's h2mq connection factory: a handle on a pooled
 * {@link H2mqManagedConnection}. It follows the Jakarta EE rules for web and EJB components: one session at a time,
 * and no client ID, exception listener, stop or connection consumers. Closing it returns the physical connection to
 * the pool, after closing what the application left open.
 *
 * <p>Used by one component at a time; {@code close()} may come from any thread.
 */
public final class ConnectionHandle implements QueueConnection, TopicConnection {
    private volatile H2mqManagedConnection managed;
    private SessionHandle session;
    private volatile boolean closed;

    ConnectionHandle(H2mqManagedConnection managed) {
        this.managed = managed;
    }

    /** Moves this handle to another physical connection (connection sharing); returns the one it leaves. */
    H2mqManagedConnection reassociate(H2mqManagedConnection to) {
        H2mqManagedConnection previous = managed;
        managed = to;
        return previous == to ? null : previous;
    }

    H2mqManagedConnection managed() throws JMSException {
        if (closed) {
            throw ContainerRules.closed("connection");
        }
        return managed;
    }

    @Override
    public Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return open();
    }

    @Override
    public Session createSession(int sessionMode) throws JMSException {
        return open();
    }

    @Override
    public Session createSession() throws JMSException {
        return open();
    }

    @Override
    public QueueSession createQueueSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return open();
    }

    @Override
    public TopicSession createTopicSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return open();
    }

    /**
     * The arguments do not matter in a container (Messaging spec 12.3): inside a transaction the session is part of
     * it; outside one it acknowledges automatically, the behaviour the spec recommends for every argument value.
     */
    private synchronized SessionHandle open() throws JMSException {
        managed();
        if (session != null && !session.isClosed()) {
            throw ContainerRules.secondSession();
        }
        session = new SessionHandle(this);
        return session;
    }

    @Override
    public String getClientID() throws JMSException {
        return managed().connection().getClientID();
    }

    @Override
    public void setClientID(String clientID) throws JMSException {
        managed();
        throw ContainerRules.forbidden("Connection.setClientID");
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        return managed().connection().getMetaData();
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        managed();
        return null;
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        managed();
        throw ContainerRules.forbidden("Connection.setExceptionListener");
    }

    @Override
    public void start() throws JMSException {
        managed().connection().start();
    }

    @Override
    public void stop() throws JMSException {
        managed();
        throw ContainerRules.forbidden("Connection.stop");
    }

    @Override
    public void close() throws JMSException {
        H2mqManagedConnection mc;
        synchronized (this) {
            if (closed) {
                return;
            }
            closeSession();
            closed = true;
            mc = managed;
        }
        mc.handleClosed(this);
    }

    /** Closed by the pool (cleanup or destroy): the application's objects are closed, no event is sent. */
    synchronized void invalidate() {
        if (!closed) {
            try {
                closeSession();
            } catch (JMSException e) {
                // The physical connection is being reset or destroyed right after; its close reports real failures.
                System.getLogger(ConnectionHandle.class.getName()).log(System.Logger.Level.DEBUG,
                        "h2mq handle's session did not close cleanly before pool cleanup", e);
            }
            closed = true;
        }
    }

    private void closeSession() throws JMSException {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination destination, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        managed();
        throw ContainerRules.forbidden("Connection.createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue queue, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        managed();
        throw ContainerRules.forbidden("QueueConnection.createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Topic topic, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        managed();
        throw ContainerRules.forbidden("TopicConnection.createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        managed();
        throw ContainerRules.forbidden("Connection.createSharedConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        managed();
        throw ContainerRules.forbidden("Connection.createDurableConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        managed();
        throw ContainerRules.forbidden("Connection.createSharedDurableConnectionConsumer");
    }
}
