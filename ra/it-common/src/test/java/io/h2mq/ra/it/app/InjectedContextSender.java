package io.h2mq.ra.it.app;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Destination;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;

/**
 * Sends through a container-managed {@code JMSContext} injected by the server (not created by the application) from
 * the h2mq connection factory, inside the container's transaction: the server creates the context from the
 * factory, the factory enlists it, and the server closes it when the transaction ends.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class InjectedContextSender {
    @Inject
    @JMSConnectionFactory(Destinations.CONNECTION_FACTORY)
    private JMSContext context;

    @Resource
    private SessionContext ejb;

    public void send(Destination destination, String body, String run) {
        context.createProducer().setProperty("run", run).send(destination, body);
    }

    /** Sends, then marks the transaction for rollback: the message never exists. */
    public void sendThenRollBack(Destination destination, String body, String run) {
        send(destination, body, run);
        ejb.setRollbackOnly();
    }
}
