package io.h2mq.ra.outbound;

import java.io.Serializable;

import javax.naming.NamingException;
import javax.naming.Reference;

import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.SecurityException;

/**
 * The connection factory an application server binds in JNDI: every connection comes from the server's pool through
 * its {@link ConnectionManager}, enlisted in the caller's transaction. Contexts ({@code @Inject JMSContext}, {@code
 * createContext}) are made of such a connection and its one session.
 *
 * <p>Thread-safe; serializable and referenceable so the server can bind it.
 */
public final class H2mqRaConnectionFactory implements QueueConnectionFactory, TopicConnectionFactory, Serializable,
        Referenceable {
    private static final long serialVersionUID = 1L;

    private final H2mqManagedConnectionFactory factory;
    private final ConnectionManager manager;
    private Reference reference;

    H2mqRaConnectionFactory(H2mqManagedConnectionFactory factory, ConnectionManager manager) {
        this.factory = factory;
        this.manager = manager;
    }

    @Override
    public Connection createConnection() throws JMSException {
        return allocate(Credentials.NONE);
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return allocate(new Credentials(userName, password));
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return allocate(Credentials.NONE);
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        return allocate(new Credentials(userName, password));
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return allocate(Credentials.NONE);
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String password) throws JMSException {
        return allocate(new Credentials(userName, password));
    }

    @Override
    public JMSContext createContext() {
        return ContainerContext.open(() -> allocate(Credentials.NONE));
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return ContainerContext.open(() -> allocate(new Credentials(userName, password)));
    }

    /** The session mode does not matter in a container (Messaging spec 12.3), as for {@code createSession}. */
    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        ContainerContext.checkSessionMode(sessionMode);
        return createContext(userName, password);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        ContainerContext.checkSessionMode(sessionMode);
        return createContext();
    }

    private ConnectionHandle allocate(Credentials credentials) throws JMSException {
        try {
            return (ConnectionHandle) manager.allocateConnection(factory, credentials);
        } catch (SecurityException e) {
            JMSSecurityException j = new JMSSecurityException(e.getMessage());
            j.setLinkedException(e);
            j.initCause(e);
            throw j;
        } catch (ResourceException e) {
            JMSException j = new JMSException("h2mq could not get a pooled connection (" + credentials + "): "
                    + e.getMessage());
            j.setLinkedException(e);
            j.initCause(e);
            throw j;
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() throws NamingException {
        return reference;
    }

    @Override
    public String toString() {
        return "H2mqRaConnectionFactory[" + factory + "]";
    }
}
