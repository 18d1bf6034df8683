package io.h2mq.message;

import jakarta.jms.JMSException;

/**
 * What {@code Message.acknowledge()} does for a received message. The session that delivered the message installs it;
 * a message that was never received has none, and acknowledging it does nothing.
 */
@FunctionalInterface
public interface AcknowledgeCallback {
    void acknowledge() throws JMSException;
}
