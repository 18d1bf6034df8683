package io.h2mq.ra.outbound;

import io.h2mq.H2mqMessageConsumer;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;

/**
 * A consumer made through a {@link SessionHandle}: synchronous receives only. A web or EJB component may not set a
 * message listener; message-driven beans are how a container consumes asynchronously.
 */
final class ConsumerHandle implements QueueReceiver, TopicSubscriber {
    private final SessionHandle session;
    private final MessageConsumer consumer;

    ConsumerHandle(SessionHandle session, MessageConsumer consumer) {
        this.session = session;
        this.consumer = consumer;
    }

    @Override
    public String getMessageSelector() throws JMSException {
        return consumer.getMessageSelector();
    }

    @Override
    public MessageListener getMessageListener() throws JMSException {
        throw ContainerRules.forbidden("MessageConsumer.getMessageListener");
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        throw ContainerRules.forbidden("MessageConsumer.setMessageListener");
    }

    @Override
    public Message receive() throws JMSException {
        return consumer.receive();
    }

    @Override
    public Message receive(long timeout) throws JMSException {
        return consumer.receive(timeout);
    }

    @Override
    public Message receiveNoWait() throws JMSException {
        return consumer.receiveNoWait();
    }

    /** The body alone; a body of the wrong type leaves the message unacknowledged (simplified API rule). */
    <T> T receiveBody(Class<T> type, long timeoutMillis, boolean noWait) throws JMSException {
        return ((H2mqMessageConsumer) consumer).receiveBody(type, timeoutMillis, noWait);
    }

    @Override
    public Queue getQueue() throws JMSException {
        return ((QueueReceiver) consumer).getQueue();
    }

    @Override
    public Topic getTopic() throws JMSException {
        return ((TopicSubscriber) consumer).getTopic();
    }

    @Override
    public boolean getNoLocal() throws JMSException {
        return ((TopicSubscriber) consumer).getNoLocal();
    }

    @Override
    public void close() throws JMSException {
        session.forget(this);
        consumer.close();
    }
}
