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
 * one engine and one database pool. Serializable and {@link Referenceable}, so it can be bound in JNDI; the database
 * password is carried in the reference (the store cannot be reached without it) but never shown by
 * {@link #toString()}.
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
        Reference ref = new Reference(H2mqConnectionFactory.class.getName(), H2mqObjectFactory.class.getName(), null);
        options.toProperties().forEach((k, v) -> ref.add(new StringRefAddr((String) k, (String) v)));
        return ref;
    }

    static H2mqConnectionFactory fromReference(Reference ref) {
        Properties props = new Properties();
        for (int i = 0; i < ref.size(); i++) {
            props.setProperty(ref.get(i).getType(), String.valueOf(ref.get(i).getContent()));
        }
        return new H2mqConnectionFactory(H2mqOptions.fromProperties(props));
    }

    @Override
    public String toString() {
        return "H2mqConnectionFactory[" + options + "]";
    }
}
