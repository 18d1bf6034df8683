package io.h2mq.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The durable state of h2mq: endpoints (queues and topic subscriptions), the messages waiting on them and the
 * claims consumers hold. Every method is one database transaction: when it returns, its effect is committed
 * (durable to the configured level) or it threw {@link StoreException} and changed nothing.
 *
 * <p>Thread-safe; methods block on the database. Times are epoch milliseconds from the caller's clock.
 * An entry is one message waiting on one endpoint: a topic message is stored once and referenced by one entry per
 * matching subscription.
 */
public interface MessageStore extends AutoCloseable {

    /**
     * Registers this node and marks it alive until {@code aliveUntil}, and renews the lease of every entry it holds
     * claimed to the same time; called again to renew.
     */
    void heartbeat(String nodeId, long aliveUntil);

    /**
     * Takes or renews the lease named {@code name} for {@code nodeId} until {@code until}, if it is free, lapsed at
     * {@code now}, or already this node's: work one node at a time does for all is done by the holder.
     *
     * @return whether this node holds the lease now
     */
    boolean takeLease(String name, String nodeId, long now, long until);

    /**
     * Hands back for redelivery every claimed entry whose lease lapsed before {@code now} (marked redelivered;
     * NON_PERSISTENT ones are deleted instead, as for a dead node).
     */
    Reclaimed reclaimLapsedLeases(long now);

    /** The database's clock, in epoch milliseconds: the time every node of the store agrees on. */
    long databaseMillis();

    /**
     * Hands back every claim of a node that stopped renewing its heartbeat (or of every other node when
     * {@code everyOtherNode} is set, for a store this node opened exclusively), marking those entries redelivered,
     * and deletes the non-durable endpoints those nodes owned. Claimed entries of NON_PERSISTENT messages are
     * deleted instead: their acknowledgement may have been lost with the node, and they are delivered at most once.
     *
     * @return the claims handed back
     */
    Reclaimed reclaimFromDeadNodes(String selfNodeId, long now, boolean everyOtherNode);

    /** Removes this node: its claims return unmarked, its non-durable endpoints are deleted. */
    void leave(String nodeId);

    // ---- rules that hold across the nodes of the store ----------------------------------------------------------

    /**
     * Reserves a client ID for a node: false if a live node holds it (a node dead at {@code now} loses it). A node
     * that holds it already gets false too: one connection at a time, which the node tells apart itself.
     */
    boolean claimClientId(String clientId, String nodeId, long now);

    void releaseClientId(String clientId, String nodeId);

    /** A consumer of this node opened on a subscription that consumers of several nodes may share. */
    void consumerOpened(long endpointId, String nodeId);

    /** A consumer of this node on such a subscription closed. */
    void consumerClosed(long endpointId, String nodeId);

    /** The active consumers of an endpoint, in every node alive at {@code now}. */
    int activeConsumers(long endpointId, long now);

    /** Records a temporary topic of a node, so that other nodes may send to it; deleted with the node. */
    void createTemporaryTopic(String name, String nodeId);

    /** Whether a temporary topic exists (created and not deleted, by a node that has not died). */
    boolean temporaryTopicExists(String name);

    void deleteTemporaryTopic(String name);

    /** The endpoint with this unique key, if it exists. */
    Optional<EndpointRecord> findEndpoint(String key);

    /** Creates the endpoint, or returns the one that already has its key. */
    EndpointRecord createEndpoint(EndpointSpec spec);

    /** Deletes an endpoint with its entries, and the messages no other endpoint references. */
    void deleteEndpoint(long endpointId);

    /** Updates the connection that owns an endpoint's active consumers (used for noLocal), or clears it with null. */
    void setEndpointConnection(long endpointId, String connectionId);

    /** The subscriptions of a topic, in creation order. */
    List<EndpointRecord> subscriptionsOf(String topic);

    /** Forces everything committed so far to the storage device (for durability across a power loss). */
    void forceToDisk();

    /** Performs claims, sends, acknowledgements and releases in one transaction. */
    void write(WriteBatch batch);

    /**
     * Entries of an endpoint that could be claimed now (ready, visible, not expired), best first (priority
     * descending, then arrival), starting after {@code after} (null for the head).
     */
    List<StoredEntry> peek(long endpointId, long now, Cursor after, int limit);

    /**
     * Every ready entry of an endpoint, delayed and expired ones included, best first, starting after {@code after}
     * (null for the head): what an administrator's purge or move goes through.
     */
    List<StoredEntry> ready(long endpointId, Cursor after, int limit);

    /** Every entry of an endpoint that is not expired, claimed or not, best first, starting after {@code after}. */
    List<StoredEntry> browse(long endpointId, long now, Cursor after, int limit);

    /**
     * Reads the body a message has stored apart ({@link NewMessage#largeBody()}), handing its stream to
     * {@code reader} inside the transaction, so that it goes from the database into the reader's memory in one copy.
     * Peeks, browses and the other reads never read such a body.
     *
     * @return false if the message is no longer stored or has no body apart
     */
    boolean readLargeBody(long messageId, BodyReader reader);

    /** Takes a body from the store's stream; it must not keep the stream. */
    @FunctionalInterface
    interface BodyReader {
        void read(InputStream body, long length) throws IOException;
    }

    /** Expired ready entries of an endpoint with their messages, oldest first, at most {@code limit}. */
    List<StoredEntry> expired(long endpointId, long now, int limit);

    /** Deletes the expired entries of an endpoint (and their unreferenced messages); returns how many. */
    int purgeExpired(long endpointId, long now);

    /**
     * The endpoints whose earliest expiry has passed at {@code now}, earliest first: those that may hold expired
     * entries. Reads endpoint rows only, however many entries wait.
     */
    List<Long> expiryDue(long now);

    /**
     * Sets an endpoint's next expiry anew after its expired entries were cleared: the earliest expiry among its
     * entries (claimed and held ones too), or none. An entry written meanwhile is not missed, and writers to the
     * endpoint do not wait for this. If this fails midway, the endpoint is due again at {@code recheckAt}.
     */
    void rearmExpiry(long endpointId, long recheckAt);

    /** The next delivery time and the earliest expiry among the ready entries of an endpoint; one query. */
    Upcoming upcoming(long endpointId, long now);

    /**
     * Prepares a global-transaction branch: its sends are stored but invisible, and the entries it consumed (claimed
     * by {@code nodeId}) are held, both surviving a crash until {@link #commitPrepared} or {@link #rollbackPrepared}.
     *
     * @throws StoreException if a branch with this id is already prepared
     */
    void prepare(BranchId branch, String nodeId, List<NewMessage> sends, Collection<Long> consumedEntryIds);

    /**
     * Commits a prepared branch: its sends become visible, the entries it consumed are deleted.
     *
     * @return the endpoints that gained entries, or empty if no such branch is prepared
     */
    Optional<Set<Long>> commitPrepared(BranchId branch);

    /**
     * Rolls back a prepared branch: its sends are dropped, the entries it consumed are ready again, marked
     * redelivered.
     *
     * @return the endpoints that gained entries, or empty if no such branch is prepared
     */
    Optional<Set<Long>> rollbackPrepared(BranchId branch);

    /** Every prepared branch in the store, of any node. */
    List<BranchId> preparedBranches();

    /** Number of entries waiting on or claimed from an endpoint. */
    default long depth(long endpointId) {
        return depthOf(endpointId).messages();
    }

    /** Messages and bytes waiting on, claimed from or held on an endpoint; one key look-up. */
    Depth depthOf(long endpointId);

    /**
     * The figures of every endpoint, consumers counted in the nodes alive at {@code now}. Reads the endpoint rows,
     * the consumer rows and, for each endpoint that is not empty, a few index look-ups of its entries: never message
     * rows, never all the entries of an endpoint.
     */
    List<EndpointStatistics> statistics(long now);

    @Override
    void close();
}
