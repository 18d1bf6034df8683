package io.h2mq.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Work committed together: a transacted session's sends and acknowledgements, or a single send.
 * Not thread-safe; build it on one thread and hand it to {@link MessageStore#write}.
 */
public final class WriteBatch {
    private final List<NewMessage> messages = new ArrayList<>();
    private final List<EntryRef> acknowledged = new ArrayList<>();
    private final List<EntryRef> expired = new ArrayList<>();
    private final List<EntryRef> deadLettered = new ArrayList<>();
    private final List<EntryRef> purged = new ArrayList<>();
    private final List<Redelivery> redelivered = new ArrayList<>();
    private final List<Long> returned = new ArrayList<>();
    private final List<long[]> headDrops = new ArrayList<>();
    private final List<Claim> claims = new ArrayList<>();
    private final List<HeadClaim> headClaims = new ArrayList<>();
    private final List<EntryRef> takes = new ArrayList<>();
    private final Set<Long> claimed = new java.util.HashSet<>();
    private final Set<Long> gaining = new LinkedHashSet<>();

    public WriteBatch send(NewMessage message) {
        messages.add(message);
        message.targets().forEach(t -> gaining.add(t.endpointId()));
        return this;
    }

    /** The entry was consumed: delete it. */
    public WriteBatch acknowledge(EntryRef entry) {
        acknowledged.add(entry);
        return this;
    }

    /**
     * The entry was delivered but not consumed: make it ready again, marked redelivered, not before
     * {@code visibleAt} (epoch millis; 0 for at once).
     */
    public WriteBatch redeliver(long endpointId, long entryId, long visibleAt) {
        redelivered.add(new Redelivery(endpointId, entryId, visibleAt));
        gaining.add(endpointId);
        return this;
    }

    /** The entry was claimed but never delivered: make it ready again as it was. */
    public WriteBatch giveBack(long endpointId, long entryId) {
        returned.add(entryId);
        gaining.add(endpointId);
        return this;
    }

    public List<NewMessage> messages() {
        return messages;
    }

    public List<EntryRef> acknowledged() {
        return acknowledged;
    }

    /** The entry expired (dropped, or moved to an expiry queue by a send in this batch): delete it. */
    public WriteBatch expire(EntryRef entry) {
        expired.add(entry);
        return this;
    }

    public List<EntryRef> expired() {
        return expired;
    }

    /** The entry used up its delivery attempts and moves to a dead-letter queue by a send in this batch: delete it. */
    public WriteBatch deadLetter(EntryRef entry) {
        deadLettered.add(entry);
        return this;
    }

    public List<EntryRef> deadLettered() {
        return deadLettered;
    }

    /** An administrator purged the entry (or moved it elsewhere by a send in this batch): delete it. */
    public WriteBatch purge(EntryRef entry) {
        purged.add(entry);
        return this;
    }

    public List<EntryRef> purged() {
        return purged;
    }

    /** An entry to make ready again, and from when. */
    public record Redelivery(long endpointId, long entryId, long visibleAt) {
    }

    public List<Redelivery> redelivered() {
        return redelivered;
    }

    public List<Long> returned() {
        return returned;
    }

    /**
     * Claims the entry for a node until {@code leaseUntil} if it is still ready; {@link #wasClaimed} tells after the
     * write.
     */
    public WriteBatch claim(long entryId, String nodeId, long leaseUntil) {
        claims.add(new Claim(entryId, nodeId, leaseUntil));
        return this;
    }

    /**
     * Claims for a node, until {@code leaseUntil}, up to {@code limit} of the best entries of an endpoint that are
     * ready at {@code now}, passing over those another transaction is claiming; the claim's
     * {@link HeadClaim#claimed()} tells after the write what it got.
     */
    public HeadClaim claimHead(long endpointId, String nodeId, long leaseUntil, long now, int limit) {
        HeadClaim claim = new HeadClaim(endpointId, nodeId, leaseUntil, now, limit);
        headClaims.add(claim);
        return claim;
    }

    public List<HeadClaim> headClaims() {
        return headClaims;
    }

    /** A claim of the head of an endpoint, and after the write, the entries it got, best first. */
    public static final class HeadClaim {
        private final long endpointId;
        private final String nodeId;
        private final long leaseUntil;
        private final long now;
        private final int limit;
        private volatile List<StoredEntry> claimed = List.of();

        HeadClaim(long endpointId, String nodeId, long leaseUntil, long now, int limit) {
            this.endpointId = endpointId;
            this.nodeId = nodeId;
            this.leaseUntil = leaseUntil;
            this.now = now;
            this.limit = limit;
        }

        public long endpointId() {
            return endpointId;
        }

        public String nodeId() {
            return nodeId;
        }

        public long leaseUntil() {
            return leaseUntil;
        }

        public long now() {
            return now;
        }

        public int limit() {
            return limit;
        }

        /** Recorded by the store. */
        public void claimed(List<StoredEntry> entries) {
            this.claimed = List.copyOf(entries);
        }

        public List<StoredEntry> claimed() {
            return claimed;
        }
    }

    /**
     * Claims the entry for a node if it is still ready and, in the same transaction, consumes it (an AUTO_ACKNOWLEDGE
     * receive that needs no second write); {@link #wasClaimed} tells after the write whether it was taken.
     */
    public WriteBatch take(EntryRef entry, String nodeId, long leaseUntil) {
        claims.add(new Claim(entry.entryId(), nodeId, leaseUntil));
        takes.add(entry);
        return this;
    }

    /** Entries to consume if this batch's claim of them succeeds, from {@link #take}. */
    public List<EntryRef> takes() {
        return takes;
    }

    public record Claim(long entryId, String nodeId, long leaseUntil) {
    }

    public List<Claim> claims() {
        return claims;
    }

    /** Recorded by the store: the claim of this entry succeeded. */
    public synchronized void markClaimed(long entryId) {
        claimed.add(entryId);
    }

    /** After the write: whether this batch's claim of the entry succeeded. */
    public synchronized boolean wasClaimed(long entryId) {
        return claimed.contains(entryId);
    }

    /** Deletes the {@code count} entries at the head of an endpoint (overflow policy DROP_OLD). */
    public WriteBatch dropHead(long endpointId, int count) {
        headDrops.add(new long[] {endpointId, count});
        return this;
    }

    /** Pairs of endpoint id and count, from {@link #dropHead}. */
    public List<long[]> headDrops() {
        return headDrops;
    }

    /** Adds all the work of another batch to this one (group commit merges batches into one transaction). */
    public WriteBatch include(WriteBatch other) {
        messages.addAll(other.messages);
        acknowledged.addAll(other.acknowledged);
        expired.addAll(other.expired);
        deadLettered.addAll(other.deadLettered);
        purged.addAll(other.purged);
        redelivered.addAll(other.redelivered);
        returned.addAll(other.returned);
        headDrops.addAll(other.headDrops);
        claims.addAll(other.claims);
        headClaims.addAll(other.headClaims);
        takes.addAll(other.takes);
        gaining.addAll(other.gaining);
        return this;
    }

    /** The endpoints that will have entries ready for consumers once this batch is written. */
    public Set<Long> endpointsGainingEntries() {
        return gaining;
    }

    public boolean isEmpty() {
        return messages.isEmpty() && acknowledged.isEmpty() && expired.isEmpty() && deadLettered.isEmpty()
                && purged.isEmpty() && redelivered.isEmpty() && returned.isEmpty()
                && headDrops.isEmpty() && claims.isEmpty() && headClaims.isEmpty();
    }
}
