package io.h2mq.ra.outbound;

import jakarta.jms.JMSConsumer;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** The simplified API's consumer of a {@link ContainerContext}: synchronous receives only, as in a container. */
final class ContainerConsumer implements JMSConsumer {
    private final ConsumerHandle consumer;

    ContainerConsumer(ConsumerHandle consumer) {
        this.consumer = consumer;
    }

    @Override
    public String getMessageSelector() {
        return RuntimeExceptions.get(consumer::getMessageSelector);
    }

    @Override
    public MessageListener getMessageListener() {
        throw ContainerRules.forbiddenRuntime("JMSConsumer.getMessageListener");
    }

    @Override
    public void setMessageListener(MessageListener listener) {
        throw ContainerRules.forbiddenRuntime("JMSConsumer.setMessageListener");
    }

    @Override
    public Message receive() {
        return RuntimeExceptions.get(consumer::receive);
    }

    @Override
    public Message receive(long timeout) {
        return RuntimeExceptions.get(() -> consumer.receive(timeout));
    }

    @Override
    public Message receiveNoWait() {
        return RuntimeExceptions.get(consumer::receiveNoWait);
    }

    @Override
    public void close() {
        RuntimeExceptions.run(consumer::close);
    }

    @Override
    public <T> T receiveBody(Class<T> c) {
        return RuntimeExceptions.get(() -> consumer.receiveBody(c, 0, false));
    }

    @Override
    public <T> T receiveBody(Class<T> c, long timeout) {
        return RuntimeExceptions.get(() -> consumer.receiveBody(c, timeout, false));
    }

    @Override
    public <T> T receiveBodyNoWait(Class<T> c) {
        return RuntimeExceptions.get(() -> consumer.receiveBody(c, 0, true));
    }
}
