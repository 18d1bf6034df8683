package io.h2mq.ra.it.app;

import java.util.Map;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;

/**
 * Sends through the adapter's pooled connection factory inside the container's transaction (REQUIRED): each call
 * is one JTA transaction in which the h2mq connection is enlisted as an XA resource, so the message exists exactly
 * when the transaction commits.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class Sender {
    @Resource(lookup = Destinations.CONNECTION_FACTORY)
    private ConnectionFactory factory;

    @Resource
    private SessionContext ejb;

    public void send(Destination destination, String body) {
        send(destination, body, Map.of());
    }

    public void send(Destination destination, String body, Map<String, String> properties) {
        try (JMSContext context = factory.createContext()) {
            JMSProducer producer = context.createProducer();
            properties.forEach(producer::setProperty);
            producer.send(destination, body);
        }
    }

    /** Sends, then marks the transaction for rollback: the container rolls it back and the message never exists. */
    public void sendThenRollBack(Destination destination, String body, Map<String, String> properties) {
        send(destination, body, properties);
        ejb.setRollbackOnly();
    }
}
