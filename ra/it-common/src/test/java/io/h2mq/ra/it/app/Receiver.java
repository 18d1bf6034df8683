package io.h2mq.ra.it.app;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;

/**
 * Receives through the adapter's connection factory inside a container transaction: the receive is acknowledged
 * when the call's transaction commits. For queues no message-driven bean consumes (DLQ, Scratch, Received).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class Receiver {
    @Resource(lookup = Destinations.CONNECTION_FACTORY)
    private ConnectionFactory factory;

    /** The body of the next message, or null when none arrives within {@code timeoutMillis}. */
    public String receive(Destination destination, long timeoutMillis) {
        return receive(destination, null, timeoutMillis);
    }

    /** Like {@link #receive(Destination, long)}, but only messages matching {@code selector}. */
    public String receive(Destination destination, String selector, long timeoutMillis) {
        try (JMSContext context = factory.createContext();
                JMSConsumer consumer = context.createConsumer(destination, selector)) {
            return consumer.receiveBody(String.class, timeoutMillis);
        }
    }

    /** The body of a message matching {@code selector} that is there right now, or null. */
    public String receiveNoWait(Destination destination, String selector) {
        try (JMSContext context = factory.createContext();
                JMSConsumer consumer = context.createConsumer(destination, selector)) {
            return consumer.receiveBodyNoWait(String.class);
        }
    }
}
