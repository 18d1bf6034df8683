package io.h2mq.engine;

import java.util.ArrayList;
import java.util.List;

import io.h2mq.message.H2mqMessage;
import io.h2mq.message.MessageCodec;
import io.h2mq.selector.MessageSelector;
import io.h2mq.store.Cursor;
import io.h2mq.store.Depth;
import io.h2mq.store.EntryRef;
import io.h2mq.store.MessageStore;
import io.h2mq.store.StoreException;
import io.h2mq.store.StoredEntry;
import io.h2mq.store.WriteBatch;

import jakarta.jms.JMSException;

/**
 * Hands one consumer the next message of one endpoint that its selector accepts: from the entries this node has
 * already claimed ahead of demand ({@link ClaimedBuffer}), or else by claiming a batch of up to the prefetch in one
 * write, keeping the rest for the next polls of any local consumer of the endpoint.
 *
 * <p>Consumers of the same endpoint in this JVM choose under the endpoint's lock and skip what another is claiming,
 * so they never race for the same entry; consumers in other JVMs may still win a race, and then the next candidate
 * is tried. A consumer with a selector claims one entry at a time, so that messages it does not want are not held
 * away from other processes.
 *
 * <p>Used by one consumer; {@link #poll} never blocks on anything but the database.
 */
public final class EndpointReader {
    private static final int PAGE = 64;
    /** Bodies held by one endpoint's buffer; beyond it a claim batch stops early (at least one entry). */
    static final long PREFETCH_BYTES = 1 << 20;

    private final Broker broker;
    private final long endpointId;
    private final MessageSelector selector;
    private final LocalEndpoint local;
    private final int prefetch;
    private final DeadLetters deadLetters;
    private boolean closed;
    private final LargeBodies largeBodies;

    EndpointReader(Broker broker, long endpointId, MessageSelector selector, LocalEndpoint local, int prefetch) {
        this.broker = broker;
        this.endpointId = endpointId;
        this.selector = selector;
        this.local = local;
        this.prefetch = Math.max(1, prefetch);
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
     * Returns the next acceptable message, claimed for this node, or null when there is none now.
     */
    public Delivery poll() throws JMSException {
        return poll(false);
    }

    /**
     * As {@link #poll}, for a receive that consumes the message as it returns (AUTO_ACKNOWLEDGE): when the message
     * has to be claimed from the store now, it is consumed in the same write, sparing the acknowledgement its own
     * commit ({@link Delivery#consumed()}). One taken from what was claimed ahead is returned unconsumed.
     */
    public Delivery pollToConsume() throws JMSException {
        return poll(true);
    }

    private Delivery poll(boolean consume) throws JMSException {
        try {
            boolean headEmpty = false;
            while (true) {
                Selection selection = select(!headEmpty);
                if (selection.buffered() != null) {
                    return delivery(selection.buffered(), false);
                }
                if (selection.headLimit() > 0) {
                    List<ClaimedBuffer.Claimed> won = claimHead(selection.headLimit());
                    if (!won.isEmpty()) {
                        keep(won.subList(1, won.size()));
                        return delivery(won.get(0), false);
                    }
                    // Nothing ready, or (on H2) the best entries are being claimed by another transaction: choose
                    // and claim by entry, which also tells when the endpoint is idle.
                    headEmpty = true;
                    continue;
                }
                if (selection.candidates().isEmpty() && selection.handBack().isEmpty()) {
                    return null;
                }
                ClaimedBuffer.Claimed toConsume = consume ? consumable(selection.candidates()) : null;
                List<ClaimedBuffer.Claimed> won = claim(selection, toConsume);
                if (!won.isEmpty()) {
                    keep(won.subList(1, won.size()));
                    return delivery(won.get(0), won.get(0) == toConsume);
                }
                // Handed back a stale or expired buffer, lost every race to another process, or dead-lettered
                // everything claimed: choose again.
            }
        } catch (StoreException e) {
            throw JmsErrors.store("receiving from endpoint " + endpointId, e);
        }
    }

    /**
     * This reader's consumer closed. When it was the endpoint's last local reader, what the buffer holds goes back
     * to the store unmarked: those messages were never delivered.
     */
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        closed = true;
        if (broker.readerClosed(endpointId, local)) {
            List<ClaimedBuffer.Claimed> rest = local.drainBuffer();
            if (!rest.isEmpty()) {
                WriteBatch batch = new WriteBatch();
                rest.forEach(c -> batch.giveBack(endpointId, c.entry().entryId()));
                broker.write(batch);
            }
        }
    }

    /**
     * What a poll found under the endpoint's lock: a buffered entry to deliver at once; or entries chosen to claim
     * (marked in flight) and buffered entries to hand back in the same write; or how many entries to claim from the
     * head of the endpoint (counted in flight).
     */
    private record Selection(ClaimedBuffer.Claimed buffered, List<ClaimedBuffer.Claimed> candidates,
                             List<ClaimedBuffer.Claimed> handBack, int headLimit) {
        Selection(ClaimedBuffer.Claimed buffered, List<ClaimedBuffer.Claimed> candidates,
                  List<ClaimedBuffer.Claimed> handBack) {
            this(buffered, candidates, handBack, 0);
        }
    }

    /**
     * @param fromHead whether a batch may be claimed from the head of the endpoint, unseen: a consumer without a
     *                 selector that prefetches does, so that consumers in several processes take disjoint batches
     */
    private Selection select(boolean fromHead) throws JMSException {
        local.lock.lock();
        try {
            long now = broker.clock().millis();
            List<ClaimedBuffer.Claimed> handBack = new ArrayList<>();
            ClaimedBuffer buffer = local.buffer;
            if (buffer.isStale()) {
                handBack.addAll(buffer.drain());
            } else {
                ClaimedBuffer.Claimed buffered = buffer.takeFirst(selector, now, handBack);
                if (buffered != null) {
                    return new Selection(buffered, List.of(), handBack);
                }
            }
            if (!handBack.isEmpty()) {
                return new Selection(null, List.of(), handBack);
            }
            int wanted = wanted(buffer);
            if (fromHead && wanted > 1) {
                int limit = boundedByBytes(wanted, buffer.bytes());
                local.headClaimsInFlight += limit;
                return new Selection(null, List.of(), List.of(), limit);
            }
            List<ClaimedBuffer.Claimed> candidates = choose(now, wanted);
            candidates.forEach(c -> local.claimsInFlight.add(c.entry().entryId()));
            return new Selection(null, candidates, List.of());
        } finally {
            local.lock.unlock();
        }
    }

    /** How many entries to claim now: one with a selector, else what fills the prefetch (at least one). */
    private int wanted(ClaimedBuffer buffer) {
        if (!selector.matchesAll() || buffer.bytes() >= PREFETCH_BYTES) {
            return 1;
        }
        return Math.max(1, prefetch - buffer.size() - local.claimsInFlight.size() - local.headClaimsInFlight);
    }

    /**
     * At most as many entries of the mean size seen here as fit in what is left of the buffer's bytes. Before any
     * claim the endpoint's own mean (its depth in bytes over its depth, one key look-up) stands in, so that a batch
     * of large messages is never claimed blind.
     */
    private int boundedByBytes(int wanted, long bufferedBytes) {
        long mean = local.meanEntrySize;
        if (mean == 0) {
            Depth depth = broker.store().depthOf(endpointId);
            mean = depth.messages() == 0 ? 1 : Math.max(1, depth.bytes() / depth.messages());
        }
        return (int) Math.max(1, Math.min(wanted, (PREFETCH_BYTES - bufferedBytes) / mean));
    }

    /**
     * Claims up to {@code limit} of the best ready entries in one write, shared with other writes by group commit;
     * returns those won, best first, that are to be delivered (those past their delivery attempts went to the
     * dead-letter queue instead).
     */
    private List<ClaimedBuffer.Claimed> claimHead(int limit) throws JMSException {
        WriteBatch batch = new WriteBatch();
        WriteBatch.HeadClaim head = batch.claimHead(endpointId, broker.nodeId(), broker.leaseUntil(),
                broker.clock().millis(), limit);
        try {
            broker.write(batch);
        } finally {
            local.lock.lock();
            try {
                local.headClaimsInFlight -= limit;
            } finally {
                local.lock.unlock();
            }
        }
        List<ClaimedBuffer.Claimed> won = new ArrayList<>(head.claimed().size());
        for (StoredEntry entry : head.claimed()) {
            long size = entry.body().length + 1;
            local.meanEntrySize = local.meanEntrySize == 0 ? size : (local.meanEntrySize * 7 + size) / 8;
            H2mqMessage message = MessageCodec.decode(entry.body());
            if (!deadLetters.moveIfExhausted(endpointId, entry, message)) {
                won.add(new ClaimedBuffer.Claimed(entry, message));
            }
        }
        return won;
    }

    /** The best ready entries the selector accepts that no local consumer is claiming; empty if none. */
    private List<ClaimedBuffer.Claimed> choose(long now, int wanted) throws JMSException {
        MessageStore store = broker.store();
        List<ClaimedBuffer.Claimed> chosen = new ArrayList<>(wanted);
        long bytes = local.buffer.bytes();
        int page = selector.matchesAll() ? wanted + local.claimsInFlight.size() + 4 : PAGE;
        Cursor cursor = null;
        while (true) {
            List<StoredEntry> candidates = store.peek(endpointId, now, cursor, page);
            for (StoredEntry candidate : candidates) {
                if (local.claimsInFlight.contains(candidate.entryId())) {
                    continue;
                }
                H2mqMessage message = MessageCodec.decode(candidate.body());
                if (selector.matches(message::selectorValue)) {
                    chosen.add(new ClaimedBuffer.Claimed(candidate, message));
                    bytes += candidate.body().length;
                    if (chosen.size() == wanted || bytes >= PREFETCH_BYTES) {
                        return chosen;
                    }
                }
            }
            if (candidates.size() < page) {
                if (chosen.isEmpty()) {
                    broker.endpointIdle(endpointId, now);
                }
                return chosen;
            }
            cursor = Cursor.after(candidates.get(candidates.size() - 1));
        }
    }

    /**
     * Writes the claims of the selection (and its hand-backs) in one transaction, outside the lock so that
     * concurrent consumers share commits; returns the entries won, best first, that are to be delivered (those past
     * their delivery attempts went to the dead-letter queue instead).
     */
    private List<ClaimedBuffer.Claimed> claim(Selection selection, ClaimedBuffer.Claimed toConsume)
            throws JMSException {
        WriteBatch batch = new WriteBatch();
        selection.handBack().forEach(c -> batch.giveBack(endpointId, c.entry().entryId()));
        for (ClaimedBuffer.Claimed c : selection.candidates()) {
            if (c == toConsume) {
                batch.take(entryRef(c.entry()), broker.nodeId(), broker.leaseUntil());
            } else {
                batch.claim(c.entry().entryId(), broker.nodeId(), broker.leaseUntil());
            }
        }
        try {
            broker.write(batch);
        } finally {
            if (!selection.candidates().isEmpty()) {
                local.lock.lock();
                try {
                    selection.candidates().forEach(c -> local.claimsInFlight.remove(c.entry().entryId()));
                } finally {
                    local.lock.unlock();
                }
            }
        }
        List<ClaimedBuffer.Claimed> won = new ArrayList<>(selection.candidates().size());
        for (ClaimedBuffer.Claimed c : selection.candidates()) {
            if (batch.wasClaimed(c.entry().entryId())
                    && (c == toConsume || !deadLetters.moveIfExhausted(endpointId, c.entry(), c.message()))) {
                won.add(c);
            }
        }
        return won;
    }

    /**
     * The best candidate, if it may be consumed in the write that claims it: not one due for the dead-letter queue
     * (that move needs the claim), nor one whose body is stored apart (read after the claim, from the message row a
     * consumption would delete).
     */
    private ClaimedBuffer.Claimed consumable(List<ClaimedBuffer.Claimed> candidates) {
        if (candidates.isEmpty()) {
            return null;
        }
        ClaimedBuffer.Claimed best = candidates.get(0);
        return deadLetters.exhausted(best.entry(), best.message()) || best.message().awaitsBody() ? null : best;
    }

    private EntryRef entryRef(StoredEntry entry) {
        return new EntryRef(entry.entryId(), entry.messageId(), endpointId, entry.size());
    }

    private void keep(List<ClaimedBuffer.Claimed> rest) {
        if (rest.isEmpty()) {
            return;
        }
        local.lock.lock();
        try {
            rest.forEach(local.buffer::add);
        } finally {
            local.lock.unlock();
        }
    }

    /**
     * The delivery of a claimed entry; a body stored apart is read now, when the message is handed over, so a
     * buffer of claimed large messages never holds their bodies.
     */
    private Delivery delivery(ClaimedBuffer.Claimed claimed, boolean consumed) throws JMSException {
        StoredEntry entry = claimed.entry();
        H2mqMessage message = largeBodies.attachClaimed(endpointId, entry, claimed.message());
        message.setJMSRedelivered(entry.deliveryCount() > 0);
        message.setDeliveryCount(entry.deliveryCount() + 1);
        return new Delivery(endpointId, entryRef(entry), entry.deliveryCount(), message, consumed);
    }
}
