package io.h2mq.client;

import io.h2mq.engine.Broker;
import io.h2mq.security.Access;

import jakarta.jms.JMSException;
import jakarta.jms.XAConnection;
import jakarta.jms.XAQueueConnection;
import jakarta.jms.XAQueueSession;
import jakarta.jms.XASession;
import jakarta.jms.XATopicConnection;
import jakarta.jms.XATopicSession;

/** A connection that also makes XA sessions, for transaction managers. */
final class XaConnectionImpl extends ConnectionImpl implements XAConnection, XAQueueConnection, XATopicConnection {
    XaConnectionImpl(Broker broker, String administeredClientId, int prefetch, Access access) throws JMSException {
        super(broker, administeredClientId, prefetch, access);
    }

    @Override
    public XASession createXASession() throws JMSException {
        return newXaSession(SessionImpl.Kind.GENERIC);
    }

    @Override
    public XAQueueSession createXAQueueSession() throws JMSException {
        return newXaSession(SessionImpl.Kind.QUEUE);
    }

    @Override
    public XATopicSession createXATopicSession() throws JMSException {
        return newXaSession(SessionImpl.Kind.TOPIC);
    }
}
