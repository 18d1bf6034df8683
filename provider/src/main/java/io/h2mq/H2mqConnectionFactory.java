package io.h2mq;

import java.io.Serializable;
import java.util.Properties;

import javax.naming.NamingException;
import javax.naming.Reference;
import javax.naming.Referenceable;
import javax.naming.StringRefAddr;

import io.h2mq.client.ClientConnections;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;

/**
 * The entry point: a connection factory for an h2mq store. With no configuration it uses an embedded H2 database in
 * {@code ./h2mq-data}; set {@link #setUrl(String) url} to put the store elsewhere.
 *
 * <pre>{@code
 * ConnectionFactory cf = new H2mqConnectionFactory();                       // embedded default
 * ConnectionFactory cf = new H2mqConnectionFactory("jdbc:h2:file:/var/lib/app/mq");
 * }</pre>
 *
 * <p>Thread-safe. The options are read when a connection is created; all connections to one store in a JVM share
 * one engine and one database pool. Serializable and {@link Referenceable}, so it can be bound in JNDI. The
 * reference carries no secret: not the database {@code password} (a lookup gets it from the JNDI environment's
 * {@value H2mqObjectFactory#PASSWORD}, or the options {@code passwordEnv} or {@code passwordFile} say where it is)
 * and not the {@code users} option, which holds passwords: a factory with {@code users} set refuses to make a
 * reference (use {@code securityUsers}, a file). Neither is shown by {@link #toString()}.
 */
public class H2mqConnectionFactory implements ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory,
        Serializable, Referenceable {
    private static final long serialVersionUID = 1L;

    private final H2mqOptions options;

    public H2mqConnectionFactory() {
        this(new H2mqOptions());
    }

    public H2mqConnectionFactory(String url) {
        this(new H2mqOptions());
        options.setUrl(url);
    }

    public H2mqConnectionFactory(H2mqOptions options) {
        this.options = options;
    }

    /** The options this factory creates connections with; changes apply to connections created afterwards. */
    public H2mqOptions getOptions() {
        return options;
    }

    public String getUrl() {
        return options.getUrl();
    }

    public void setUrl(String url) {
        options.setUrl(url);
    }

    public String getClientID() {
        return options.getClientID();
    }

    public void setClientID(String clientID) {
        options.setClientID(clientID);
    }

    @Override
    public Connection createConnection() throws JMSException {
        return ClientConnections.connect(options.copy(), null, null);
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return ClientConnections.connect(options.copy(), userName, password);
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return ClientConnections.connect(options.copy(), null, null);
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        return ClientConnections.connect(options.copy(), userName, password);
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return ClientConnections.connect(options.copy(), null, null);
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String password) throws JMSException {
        return ClientConnections.connect(options.copy(), userName, password);
    }

    @Override
    public JMSContext createContext() {
        return ClientConnections.context(options.copy(), null, null, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return ClientConnections.context(options.copy(), userName, password, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        return ClientConnections.context(options.copy(), userName, password, sessionMode);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return ClientConnections.context(options.copy(), null, null, sessionMode);
    }

    @Override
    public Reference getReference() throws NamingException {
        if (options.getUsers() != null && !options.getUsers().isBlank()) {
            throw new NamingException("h2mq option 'users' holds passwords and is not put in a JNDI reference: "
                    + "authenticate with 'securityUsers' (a users file) or 'jaasLoginContext' instead");
        }
        Reference ref = new Reference(H2mqConnectionFactory.class.getName(), H2mqObjectFactory.class.getName(), null);
        options.toPropertiesWithoutSecrets().forEach((k, v) -> ref.add(new StringRefAddr((String) k, (String) v)));
        return ref;
    }

    /** @param password the database password to use, or {@code null} to keep what the options say */
    static H2mqConnectionFactory fromReference(Reference ref, String password) {
        Properties props = new Properties();
        for (int i = 0; i < ref.size(); i++) {
            props.setProperty(ref.get(i).getType(), String.valueOf(ref.get(i).getContent()));
        }
        H2mqOptions options = H2mqOptions.fromProperties(props);
        if (password != null) {
            options.setPassword(password);
        }
        return new H2mqConnectionFactory(options);
    }

    @Override
    public String toString() {
        return "H2mqConnectionFactory[" + options + "]";
    }
}
