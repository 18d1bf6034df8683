package io.h2mq.client;

import io.h2mq.engine.Broker;
import io.h2mq.engine.Delivery;

import jakarta.jms.JMSException;

/**
 * AUTO_ACKNOWLEDGE: a message is acknowledged when
 * {@code receive()} returns it or when {@code onMessage} returns; a listener that throws gets the message again at
 * once, marked redelivered. A {@code recover()} inside {@code onMessage} hands the current message back instead.
 */
final class AutoAcknowledgeMode extends SessionMode {
    AutoAcknowledgeMode(Broker broker) {
        super(broker);
    }

    @Override
    void afterReceive(Delivery delivery) throws JMSException {
        acknowledgeOne(delivery);
    }

    @Override
    void bodyRefused(Delivery delivery) throws JMSException {
        redeliverOne(delivery);
    }

    @Override
    void afterListener(Delivery delivery, boolean threw) throws JMSException {
        if (threw) {
            redeliverOne(delivery);
        } else {
            acknowledgeOne(delivery);
        }
    }
}
