package io.h2mq.engine;

import jakarta.jms.JMSException;

/**
 * Asked by {@link Subscriptions} before it creates or deletes a durable subscription (a replaced one is deleted, then
 * created), under its lock and before anything is written, so that a refusal changes nothing. The client uses it to
 * check the connection's permissions.
 */
@FunctionalInterface
public interface SubscriptionGuard {
    /** Allows everything: for callers that are not an application's connection. */
    SubscriptionGuard NONE = (change, topic) -> { };

    enum Change { CREATE, DELETE }

    /**
     * Returns if {@code change} of a durable subscription of {@code topic} may go ahead.
     *
     * @throws JMSException (a {@code JMSSecurityException} for a refusal) to stop it
     */
    void check(Change change, String topic) throws JMSException;
}
