package io.h2mq.examples.ee;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;

/**
 * Sends orders to the queue through the server's pooled h2mq connection factory. Each call runs in a container
 * transaction (REQUIRED) in which the h2mq connection is enlisted as an XA resource: the messages become visible to
 * consumers together when the call returns and the transaction commits, and none of them if it rolls back.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class OrderSender {
    @Resource(lookup = Names.CONNECTION_FACTORY)
    private ConnectionFactory factory;

    @Resource(lookup = Names.ORDERS)
    private Queue orders;

    /** Sends {@code count} text messages numbered 1..count, all in the caller's (or a new) transaction. */
    public void send(int count) {
        // In a container the context's session belongs to the transaction: no commit() here, the container does it.
        try (JMSContext context = factory.createContext()) {
            JMSProducer producer = context.createProducer();
            for (int i = 1; i <= count; i++) {
                producer.setProperty("orderNumber", i).send(orders, "order " + i + " of " + count);
            }
        }
    }
}
