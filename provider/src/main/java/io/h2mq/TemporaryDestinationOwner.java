package io.h2mq;

import jakarta.jms.JMSException;

/**
 * The connection that created a temporary destination. Only it may delete the destination or consume from it;
 * a temporary destination decoded from a received message has no owner here and refuses {@code delete()}.
 */
public interface TemporaryDestinationOwner {
    void deleteTemporary(H2mqDestination destination) throws JMSException;

    boolean owns(H2mqDestination destination);
}
