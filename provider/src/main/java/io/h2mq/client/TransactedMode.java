package io.h2mq.client;

import java.util.ArrayList;
import java.util.List;

import io.h2mq.engine.Broker;
import io.h2mq.engine.JmsErrors;
import io.h2mq.store.NewMessage;
import io.h2mq.store.WriteBatch;

import jakarta.jms.JMSException;

/**
 * SESSION_TRANSACTED: sends are held until {@code commit()}, which writes them together with the acknowledgement of
 * every message received in the transaction, in one database transaction; {@code rollback()} drops the sends and
 * hands the received messages back, marked redelivered.
 */
final class TransactedMode extends SessionMode {
    private final List<NewMessage> pendingSends = new ArrayList<>();

    TransactedMode(Broker broker) {
        super(broker);
    }

    @Override
    void send(NewMessage message, boolean persistent) {
        pendingSends.add(message);
    }

    @Override
    void recover() throws JMSException {
        throw JmsErrors.illegalState("recover() is not allowed on a transacted session; use rollback()");
    }

    @Override
    void commit() throws JMSException {
        WriteBatch batch = new WriteBatch();
        pendingSends.forEach(batch::send);
        try {
            acknowledgeUnacknowledged(batch);
        } catch (JMSException e) {
            // Nothing was written: the transaction is rolled back, as the spec asks of a failed commit.
            pendingSends.clear();
            redeliverUnacknowledged();
            throw JmsErrors.withCause(new jakarta.jms.TransactionRolledBackException(
                    "commit failed and the transaction was rolled back: " + e.getMessage()), e);
        }
        pendingSends.clear();
    }

    @Override
    void rollback() throws JMSException {
        pendingSends.clear();
        redeliverUnacknowledged();
    }

    @Override
    void close() throws JMSException {
        rollback();
    }
}
