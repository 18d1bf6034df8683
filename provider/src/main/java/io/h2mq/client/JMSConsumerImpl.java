package io.h2mq.client;

import jakarta.jms.JMSConsumer;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** The simplified API's consumer: a {@link ConsumerImpl} with runtime exceptions and body-only receives. */
final class JMSConsumerImpl implements JMSConsumer {
    private final ConsumerImpl consumer;

    JMSConsumerImpl(ConsumerImpl consumer) {
        this.consumer = consumer;
    }

    @Override
    public String getMessageSelector() {
        return JmsRuntime.get(consumer::getMessageSelector);
    }

    @Override
    public MessageListener getMessageListener() {
        return JmsRuntime.get(consumer::getMessageListener);
    }

    @Override
    public void setMessageListener(MessageListener listener) {
        JmsRuntime.run(() -> consumer.setMessageListener(listener));
    }

    @Override
    public Message receive() {
        return JmsRuntime.get(consumer::receive);
    }

    @Override
    public Message receive(long timeout) {
        return JmsRuntime.get(() -> consumer.receive(timeout));
    }

    @Override
    public Message receiveNoWait() {
        return JmsRuntime.get(consumer::receiveNoWait);
    }

    @Override
    public void close() {
        JmsRuntime.run(consumer::close);
    }

    @Override
    public <T> T receiveBody(Class<T> c) {
        return JmsRuntime.get(() -> consumer.receiveBody(c, 0, false));
    }

    @Override
    public <T> T receiveBody(Class<T> c, long timeout) {
        return JmsRuntime.get(() -> consumer.receiveBody(c, timeout, false));
    }

    @Override
    public <T> T receiveBodyNoWait(Class<T> c) {
        return JmsRuntime.get(() -> consumer.receiveBody(c, 0, true));
    }
}
