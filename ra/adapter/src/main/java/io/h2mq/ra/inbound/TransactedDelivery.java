package io.h2mq.ra.inbound;

import java.lang.System.Logger.Level;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/**
 * Delivery inside the container's transaction: the endpoint is created with the XA session's resource, so
 * {@code beforeDelivery} enlists it in a new branch; the message is received <em>after</em> that, which makes its
 * consumption part of the branch; {@code afterDelivery} commits it, or rolls it back when onMessage threw or the
 * bean marked the transaction for rollback, and the message comes back marked redelivered.
 *
 * <p>The provider cannot look at a message without consuming it, so a session waiting for messages opens a
 * transaction that may stay empty: one per {@link #RECEIVE_TIMEOUT_MILLIS} of idleness, ended with nothing in it.
 */
final class TransactedDelivery implements SessionDelivery {
    private static final System.Logger LOG = System.getLogger(TransactedDelivery.class.getName());

    private final XASession session;
    private final MessageConsumer consumer;
    private final LazyEndpoint endpoint;
    private final Object source;
    private final RollbackMarker rollback;

    private TransactedDelivery(XASession session, MessageConsumer consumer, LazyEndpoint endpoint, Object source,
            RollbackMarker rollback) {
        this.session = session;
        this.consumer = consumer;
        this.endpoint = endpoint;
        this.source = source;
        this.rollback = rollback;
    }

    static TransactedDelivery open(XAConnection connection, ConsumerRecipe recipe, MessageEndpointFactory factory,
            RollbackMarker rollback) throws JMSException {
        XASession session = connection.createXASession();
        try {
            MessageConsumer consumer = recipe.open(session);
            LazyEndpoint endpoint = new LazyEndpoint(factory, session.getXAResource(), recipe, RECEIVE_TIMEOUT_MILLIS);
            return new TransactedDelivery(session, consumer, endpoint, recipe, rollback);
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
        beginDelivery(bean);
        try {
            Message message = consumer.receive(RECEIVE_TIMEOUT_MILLIS);
            if (message != null && !OnMessage.deliver((MessageListener) bean, message, source)) {
                rollback.markRollbackOnly(source);
            }
        } catch (JMSException e) {
            // The branch must still be ended; with the receive failed the container finds nothing to commit.
            try {
                bean.afterDelivery();
            } catch (ResourceException | RuntimeException inner) {
                e.addSuppressed(inner);
            }
            throw e;
        }
        bean.afterDelivery();
    }

    private void beginDelivery(MessageEndpoint bean) throws ResourceException {
        try {
            bean.beforeDelivery(OnMessage.METHOD);
        } catch (NoSuchMethodException e) {
            throw new ResourceException("h2mq activation: the endpoint of " + source + " has no "
                    + OnMessage.METHOD + ": " + e.getMessage(), e);
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
