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
import io.h2mq.store.WriteBatch;

import jakarta.jms.JMSException;

/**
 * Claims the next message of one endpoint that a consumer's selector accepts. Consumers of the same endpoint in this
 * JVM choose in turn under the endpoint's lock and skip what another is claiming, so they never race for the same
 * entry; consumers in other JVMs may still win a race, and then the next candidate is tried.
 *
 * <p>Used by one consumer; {@link #poll} never blocks on anything but the database.
 */
public final class EndpointReader {
    private static final int PAGE = 64;

    private final Broker broker;
    private final long endpointId;
    private final MessageSelector selector;
    private final ReentrantLock endpointLock;
    private final java.util.Set<Long> claimsInFlight;
    private final DeadLetters deadLetters;
    private final LargeBodies largeBodies;

    EndpointReader(Broker broker, long endpointId, MessageSelector selector, ReentrantLock endpointLock,
                   java.util.Set<Long> claimsInFlight) {
        this.broker = broker;
        this.endpointId = endpointId;
        this.selector = selector;
        this.endpointLock = endpointLock;
        this.claimsInFlight = claimsInFlight;
        this.deadLetters = new DeadLetters(broker);
        this.largeBodies = new LargeBodies(broker);
    }

    public long endpointId() {
        return endpointId;
    }

    public Signal signal() {
        return broker.signal(endpointId);
    }

    /**
     * Claims and returns the next acceptable message, or null when there is none now. The choice is made under the
     * endpoint's lock, skipping entries whose claim another local consumer has in flight; the claim itself is
     * written outside the lock through the group commit, so concurrent consumers share commits.
     */
    public Delivery poll() throws JMSException {
        try {
            while (true) {
                Candidate chosen = choose();
                if (chosen == null) {
                    return null;
                }
                long entryId = chosen.entry().entryId();
                WriteBatch claim = new WriteBatch().claim(entryId, broker.nodeId());
                try {
                    broker.write(claim);
                } finally {
                    claimsInFlight.remove(entryId);
                }
                if (claim.wasClaimed(entryId)
                        && !deadLetters.moveIfExhausted(endpointId, chosen.entry(), chosen.message())) {
                    return delivery(chosen.entry(),
                            largeBodies.attachClaimed(endpointId, chosen.entry(), chosen.message()));
                }
                // Another process claimed it first, or it went to the dead-letter queue: choose again.
            }
        } catch (StoreException e) {
            throw JmsErrors.store("receiving from endpoint " + endpointId, e);
        }
    }

    private record Candidate(StoredEntry entry, H2mqMessage message) {
    }

    /** The first ready entry the selector accepts and no local consumer is claiming, marked as being claimed. */
    private Candidate choose() throws JMSException {
        endpointLock.lock();
        try {
            MessageStore store = broker.store();
            long now = broker.clock().millis();
            int page = selector.matchesAll() ? 4 + claimsInFlight.size() : PAGE;
            Cursor cursor = null;
            while (true) {
                List<StoredEntry> candidates = store.peek(endpointId, now, cursor, page);
                for (StoredEntry candidate : candidates) {
                    if (claimsInFlight.contains(candidate.entryId())) {
                        continue;
                    }
                    H2mqMessage message = MessageCodec.decode(candidate.body());
                    if (selector.matches(message::selectorValue)) {
                        claimsInFlight.add(candidate.entryId());
                        return new Candidate(candidate, message);
                    }
                }
                if (candidates.size() < page) {
                    broker.endpointIdle(endpointId, now);
                    return null;
                }
                cursor = Cursor.after(candidates.get(candidates.size() - 1));
            }
        } finally {
            endpointLock.unlock();
        }
    }

    private Delivery delivery(StoredEntry entry, H2mqMessage message) throws JMSException {
        message.setJMSRedelivered(entry.deliveryCount() > 0);
        message.setDeliveryCount(entry.deliveryCount() + 1);
        return new Delivery(endpointId, new EntryRef(entry.entryId(), entry.messageId(), endpointId, entry.size()),
                entry.deliveryCount(),
                message);
    }
}
