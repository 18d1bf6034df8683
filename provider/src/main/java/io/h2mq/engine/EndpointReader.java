package io.h2mq.engine;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import io.h2mq.message.H2mqMessage;
import io.h2mq.message.MessageCodec;
import io.h2mq.selector.MessageSelector;
import io.h2mq.store.Cursor;
import io.h2mq.store.EntryRef;
import io.h2mq.store.MessageStore;
import io.h2mq.store.StoreException;
import io.h2mq.store.StoredEntry;

import jakarta.jms.JMSException;

/**
 * Claims the next message of one endpoint that a consumer's selector accepts. Consumers of the same endpoint in this
 * JVM take turns through the endpoint's lock, so they do not race for the same head entry; consumers in other JVMs
 * may still win a race, and then the next candidate is tried.
 *
 * <p>Used by one consumer; {@link #poll} never blocks on anything but the database.
 */
public final class EndpointReader {
    private static final int PAGE = 64;

    private final Broker broker;
    private final long endpointId;
    private final MessageSelector selector;
    private final ReentrantLock endpointLock;
    private final DeadLetters deadLetters;

    EndpointReader(Broker broker, long endpointId, MessageSelector selector, ReentrantLock endpointLock) {
        this.broker = broker;
        this.endpointId = endpointId;
        this.selector = selector;
        this.endpointLock = endpointLock;
        this.deadLetters = new DeadLetters(broker);
    }

    public long endpointId() {
        return endpointId;
    }

    public Signal signal() {
        return broker.signal(endpointId);
    }

    /** Claims and returns the next acceptable message, or null when there is none now. */
    public Delivery poll() throws JMSException {
        endpointLock.lock();
        try {
            return claimNext(broker.store());
        } catch (StoreException e) {
            throw JmsErrors.store("receiving from endpoint " + endpointId, e);
        } finally {
            endpointLock.unlock();
        }
    }

    private Delivery claimNext(MessageStore store) throws JMSException {
        long now = broker.clock().millis();
        int page = selector.matchesAll() ? 4 : PAGE;
        Cursor cursor = null;
        while (true) {
            List<StoredEntry> candidates = store.peek(endpointId, now, cursor, page);
            for (StoredEntry candidate : candidates) {
                H2mqMessage message = MessageCodec.decode(candidate.body());
                if (selector.matches(message::selectorValue)
                        && !store.claim(List.of(candidate.entryId()), broker.nodeId()).isEmpty()) {
                    if (!deadLetters.moveIfExhausted(endpointId, candidate, message)) {
                        return delivery(candidate, message);
                    }
                }
            }
            if (candidates.size() < page) {
                broker.endpointIdle(endpointId, now);
                return null;
            }
            cursor = Cursor.after(candidates.get(candidates.size() - 1));
        }
    }

    private Delivery delivery(StoredEntry entry, H2mqMessage message) throws JMSException {
        message.setJMSRedelivered(entry.deliveryCount() > 0);
        message.setDeliveryCount(entry.deliveryCount() + 1);
        return new Delivery(endpointId, new EntryRef(entry.entryId(), entry.messageId(), endpointId, entry.body().length),
                entry.deliveryCount(),
                message);
    }
}
