package io.h2mq.ra.it.app;

import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;

/** Reads what a listener records about a message; a JMS failure here is the adapter's and fails the delivery. */
public final class Deliveries {
    private Deliveries() {
    }

    public static Collector.Delivery of(Message message) {
        try {
            return new Collector.Delivery(message.getBody(String.class),
                    message.getIntProperty("JMSXDeliveryCount"), message.getJMSRedelivered());
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot read the delivered message: " + e.getMessage(),
                    e.getErrorCode(), e);
        }
    }
}
