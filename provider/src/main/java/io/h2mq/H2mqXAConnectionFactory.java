package io.h2mq;

import javax.naming.NamingException;
import javax.naming.Reference;

import io.h2mq.client.ClientConnections;

import jakarta.jms.JMSException;
import jakarta.jms.XAConnection;
import jakarta.jms.XAConnectionFactory;
import jakarta.jms.XAJMSContext;
import jakarta.jms.XAQueueConnection;
import jakarta.jms.XAQueueConnectionFactory;
import jakarta.jms.XATopicConnection;
import jakarta.jms.XATopicConnectionFactory;

/**
 * A connection factory whose connections also make XA sessions, for transaction managers and application servers.
 * Prepared branches are stored durably, so a transaction manager's recovery finds them after a crash.
 */
public class H2mqXAConnectionFactory extends H2mqConnectionFactory
        implements XAConnectionFactory, XAQueueConnectionFactory, XATopicConnectionFactory {
    private static final long serialVersionUID = 1L;

    public H2mqXAConnectionFactory() {
        super();
    }

    public H2mqXAConnectionFactory(String url) {
        super(url);
    }

    public H2mqXAConnectionFactory(H2mqOptions options) {
        super(options);
    }

    @Override
    public XAConnection createXAConnection() throws JMSException {
        return ClientConnections.connectXa(getOptions().copy(), null, null);
    }

    @Override
    public XAConnection createXAConnection(String userName, String password) throws JMSException {
        return ClientConnections.connectXa(getOptions().copy(), userName, password);
    }

    @Override
    public XAQueueConnection createXAQueueConnection() throws JMSException {
        return ClientConnections.connectXa(getOptions().copy(), null, null);
    }

    @Override
    public XAQueueConnection createXAQueueConnection(String userName, String password) throws JMSException {
        return ClientConnections.connectXa(getOptions().copy(), userName, password);
    }

    @Override
    public XATopicConnection createXATopicConnection() throws JMSException {
        return ClientConnections.connectXa(getOptions().copy(), null, null);
    }

    @Override
    public XATopicConnection createXATopicConnection(String userName, String password) throws JMSException {
        return ClientConnections.connectXa(getOptions().copy(), userName, password);
    }

    @Override
    public XAJMSContext createXAContext() {
        return ClientConnections.xaContext(getOptions().copy(), null, null);
    }

    @Override
    public XAJMSContext createXAContext(String userName, String password) {
        return ClientConnections.xaContext(getOptions().copy(), userName, password);
    }

    @Override
    public Reference getReference() throws NamingException {
        Reference plain = super.getReference();
        Reference ref = new Reference(H2mqXAConnectionFactory.class.getName(), H2mqObjectFactory.class.getName(), null);
        for (int i = 0; i < plain.size(); i++) {
            ref.add(plain.get(i));
        }
        return ref;
    }
}
