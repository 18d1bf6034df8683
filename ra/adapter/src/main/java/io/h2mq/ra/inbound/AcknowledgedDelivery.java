package io.h2mq.ra.inbound;

import java.lang.System.Logger.Level;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/**
 * Delivery without a transaction (bean-managed, or NOT_SUPPORTED): the message is acknowledged when onMessage
 * returns, and handed back with {@code recover()} when it throws, so it comes back marked redelivered with its
 * delivery count raised (and, after the store's {@code maxDeliveryAttempts}, goes to the dead-letter queue).
 *
 * <p>The session is CLIENT_ACKNOWLEDGE inside, holding at most the one message being delivered: an AUTO session
 * would acknowledge before onMessage runs. Dups-ok-acknowledge is treated the same way: acknowledging in batches
 * would make {@code recover()} after a throw hand back the batch's earlier messages too, raising their delivery
 * counts toward the dead-letter queue for a failure that was not theirs.
 */
final class AcknowledgedDelivery implements SessionDelivery {
    private static final System.Logger LOG = System.getLogger(AcknowledgedDelivery.class.getName());

    private final Session session;
    private final MessageConsumer consumer;
    private final LazyEndpoint endpoint;
    private final Object source;

    private AcknowledgedDelivery(Session session, MessageConsumer consumer, LazyEndpoint endpoint, Object source) {
        this.session = session;
        this.consumer = consumer;
        this.endpoint = endpoint;
        this.source = source;
    }

    static AcknowledgedDelivery open(Connection connection, ConsumerRecipe recipe, MessageEndpointFactory factory)
            throws JMSException {
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        try {
            MessageConsumer consumer = recipe.open(session);
            return new AcknowledgedDelivery(session, consumer,
                    new LazyEndpoint(factory, null, recipe, RECEIVE_TIMEOUT_MILLIS), recipe);
        } catch (JMSException | RuntimeException e) {
            Closing.close(session, e);
            throw e;
        }
    }

    @Override
    public void deliverNext() throws JMSException, ResourceException {
        MessageEndpoint bean = endpoint.get();
        if (bean == null) {
            return;
        }
        Message message = consumer.receive(RECEIVE_TIMEOUT_MILLIS);
        if (message == null) {
            return;
        }
        if (OnMessage.deliver((MessageListener) bean, message, source)) {
            message.acknowledge();
        } else {
            session.recover();
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (JMSException e) {
            LOG.log(Level.WARNING, "h2mq activation session on " + source + " did not close cleanly; what it held "
                    + "comes back when its connection closes or its lease expires", e);
        } finally {
            endpoint.release();
        }
    }
}
