package io.h2mq.client;

import java.util.ArrayList;
import java.util.List;

import io.h2mq.engine.Broker;
import io.h2mq.engine.Delivery;
import io.h2mq.engine.JmsErrors;
import io.h2mq.store.NewMessage;
import io.h2mq.store.WriteBatch;

import jakarta.jms.JMSException;
import jakarta.jms.Session;

/**
 * How a session acknowledges and commits, chosen once when the session is created: one subclass per mode of the
 * spec. The session tells its mode what happens (a send, a message handed to the application, a listener that
 * returned); the mode decides what gets written and when.
 *
 * <p>Used only from the session's thread of control, like the session itself.
 */
abstract class SessionMode {
    protected final Broker broker;
    /** Messages handed to the application and not yet acknowledged, in delivery order. */
    protected final List<Delivery> unacknowledged = new ArrayList<>();

    SessionMode(Broker broker) {
        this.broker = broker;
    }

    static SessionMode of(int acknowledgeMode, Broker broker) {
        return switch (acknowledgeMode) {
            case Session.SESSION_TRANSACTED -> new TransactedMode(broker);
            case Session.CLIENT_ACKNOWLEDGE -> new ClientAcknowledgeMode(broker);
            case Session.DUPS_OK_ACKNOWLEDGE -> new DupsOkAcknowledgeMode(broker);
            default -> new AutoAcknowledgeMode(broker);
        };
    }

    /**
     * A message the application sent through this session. A PERSISTENT one is written before this returns; a
     * NON_PERSISTENT one, or one whose every endpoint dies with this node, is queued for the next group commit
     * without waiting (it need not survive a crash).
     */
    void send(NewMessage message, boolean persistent) throws JMSException {
        if (persistent && !message.targets().stream().allMatch(t -> broker.diesWithNode(t.endpointId()))) {
            broker.write(new WriteBatch().send(message));
        } else {
            broker.writeLater(new WriteBatch().send(message));
        }
    }

    /** A message is about to be handed to the application. */
    void delivered(Delivery delivery) {
        unacknowledged.add(delivery);
    }

    /** {@code receive()} is returning the delivery to the application. */
    void afterReceive(Delivery delivery) throws JMSException {
    }

    /** receiveBody() could not hand over the body; only AUTO and DUPS_OK give the message back. */
    void bodyRefused(Delivery delivery) throws JMSException {
    }

    /** The message listener returned from {@code onMessage}, normally or by throwing. */
    void afterListener(Delivery delivery, boolean threw) throws JMSException {
    }

    /** The session found nothing to deliver and is about to wait: work put off until then is done now. */
    void idle() throws JMSException {
    }

    /** {@code Message.acknowledge()} was called. */
    void acknowledge() throws JMSException {
    }

    void recover() throws JMSException {
        redeliverUnacknowledged();
    }

    void commit() throws JMSException {
        throw JmsErrors.illegalState("commit() is only allowed on a transacted session");
    }

    void rollback() throws JMSException {
        throw JmsErrors.illegalState("rollback() is only allowed on a transacted session");
    }

    /** The session is closing: what was delivered and not acknowledged comes back, marked redelivered. */
    void close() throws JMSException {
        redeliverUnacknowledged();
    }

    protected void acknowledgeUnacknowledged(WriteBatch batch) throws JMSException {
        unacknowledged.forEach(d -> batch.acknowledge(d.entry()));
        broker.write(batch);
        unacknowledged.clear();
    }

    protected void redeliverUnacknowledged() throws JMSException {
        if (unacknowledged.isEmpty()) {
            return;
        }
        WriteBatch batch = new WriteBatch();
        unacknowledged.forEach(d -> broker.redeliver(batch, d));
        unacknowledged.clear();
        broker.write(batch);
    }

    /** Endpoints from which this session holds messages not yet acknowledged or committed. */
    java.util.Set<Long> pendingEndpoints() {
        java.util.Set<Long> endpoints = new java.util.HashSet<>();
        unacknowledged.forEach(d -> endpoints.add(d.endpointId()));
        return endpoints;
    }

    /**
     * Whether a message {@code receive()} returns is consumed as it returns, so that it may be consumed in the write
     * that claims it ({@link io.h2mq.engine.EndpointReader#pollToConsume}).
     */
    boolean consumesOnReceive() {
        return false;
    }

    protected void acknowledgeOne(Delivery delivery) throws JMSException {
        if (unacknowledged.remove(delivery)) {
            if (delivery.consumed()) {
                return; // consumed in the write that claimed it
            }
            WriteBatch batch = new WriteBatch().acknowledge(delivery.entry());
            if (broker.diesWithNode(delivery.endpointId())
                    || delivery.message().getJMSDeliveryMode() == jakarta.jms.DeliveryMode.NON_PERSISTENT) {
                // After a crash nothing could come back: the endpoint dies with this node, or the entry of a
                // NON_PERSISTENT message claimed by a dead node is dropped, not redelivered.
                broker.writeLater(batch);
            } else {
                broker.write(batch);
            }
        }
    }

    protected void redeliverOne(Delivery delivery) throws JMSException {
        if (unacknowledged.remove(delivery)) {
            WriteBatch batch = new WriteBatch();
            broker.redeliver(batch, delivery);
            broker.write(batch);
        }
    }
}
