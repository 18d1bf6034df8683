package io.h2mq.client;

import io.h2mq.engine.Broker;
import io.h2mq.store.WriteBatch;

import jakarta.jms.JMSException;

/**
 * CLIENT_ACKNOWLEDGE: {@code Message.acknowledge()} acknowledges every message the session has delivered so far;
 * {@code recover()} and close hand the rest back. A listener that throws does not get its message again until the
 * application recovers.
 */
final class ClientAcknowledgeMode extends SessionMode {
    ClientAcknowledgeMode(Broker broker) {
        super(broker);
    }

    @Override
    void acknowledge() throws JMSException {
        if (!unacknowledged.isEmpty()) {
            acknowledgeUnacknowledged(new WriteBatch());
        }
    }
}
