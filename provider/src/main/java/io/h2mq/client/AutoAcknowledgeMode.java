package io.h2mq.client;

import io.h2mq.engine.Broker;
import io.h2mq.engine.Delivery;

import jakarta.jms.JMSException;

/**
 * AUTO_ACKNOWLEDGE: a message is acknowledged when {@code receive()} returns it or when {@code onMessage} returns; a
 * listener that throws gets the message again at once, marked redelivered. A {@code recover()} inside
 * {@code onMessage} hands the current message back instead.
 */
class AutoAcknowledgeMode extends SessionMode {
    AutoAcknowledgeMode(Broker broker) {
        super(broker);
    }

    @Override
    boolean consumesOnReceive() {
        return true;
    }

    /** The application consumed the message: acknowledge it (committed before this returns). */
    void consumed(Delivery delivery) throws JMSException {
        acknowledgeOne(delivery);
    }

    @Override
    final void afterReceive(Delivery delivery) throws JMSException {
        consumed(delivery);
    }

    @Override
    final void bodyRefused(Delivery delivery) throws JMSException {
        redeliverOne(delivery);
    }

    @Override
    final void afterListener(Delivery delivery, boolean threw) throws JMSException {
        if (threw) {
            redeliverOne(delivery);
        } else {
            consumed(delivery);
        }
    }
}
