package io.h2mq.engine;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.h2mq.H2mqDestination;
import io.h2mq.message.H2mqMessage;
import io.h2mq.selector.MessageSelector;
import io.h2mq.store.BranchId;
import io.h2mq.store.Cursor;
import io.h2mq.store.MessageStore;
import io.h2mq.store.NewMessage;
import io.h2mq.store.Reclaimed;
import io.h2mq.store.StoreException;
import io.h2mq.store.StoredEntry;
import io.h2mq.store.Upcoming;
import io.h2mq.store.WriteBatch;
import io.h2mq.store.jdbc.H2Urls;
import io.h2mq.store.jdbc.JdbcMessageStores;
import io.h2mq.store.StoreSettings;

import jakarta.jms.JMSException;

/**
 * The engine of one store in this JVM, shared by every connection to that store (see {@link Brokers}). It writes
 * what sessions commit and wakes the local consumers of the endpoints that gained messages; it routes messages to
 * endpoints; it keeps this node's heartbeat, which renews the lease of every claim the node holds, and, while it
 * holds the store's housekeeping lease, hands back lapsed claims and what dead nodes left. Its clock follows the
 * database's ({@link Clock#align}), so that nodes on hosts whose clocks disagree agree on leases and delivery times.
 *
 * <p>Thread-safe. Everything durable is in the store; what is kept here (wake-up signals, active consumer counts,
 * client IDs and temporary topics of this JVM) dies with the JVM, and with it the claims of its node.
 */
public final class Broker {

    private static final System.Logger LOG = System.getLogger(Broker.class.getName());

    private final StoreSettings settings;
    private final MessageStore store;
    private final Clock clock;
    private static final String HOUSEKEEPING = "housekeeping";

    private final String nodeId = UUID.randomUUID().toString();
    private final boolean exclusive;
    private final ScheduledExecutorService timer;
    /** Sweeps expired messages apart from the timer, so that a long sweep never delays the heartbeat. */
    private final ScheduledExecutorService expirySweeper;
    /** Whether this node held the housekeeping lease at its last heartbeat. */
    private volatile boolean housekeeper;
    private final Wakeups wakeups;
    private final CrossProcessWakeups crossProcess;
    private final EndpointDirectory endpoints;
    private final Subscriptions subscriptions;
    private final Router router;
    private final XaBranches xaBranches;
    private final GroupCommit groupCommit;
    private final Admission admission;
    private final Expiry expiry;
    private final Administration administration;
    private final Map<Long, LocalEndpoint> localEndpoints = new ConcurrentHashMap<>();
    private final Set<String> clientIds = ConcurrentHashMap.newKeySet();
    private final Set<String> temporaryTopics = ConcurrentHashMap.newKeySet();
    private final List<Consumer<JMSException>> failureListeners = new CopyOnWriteArrayList<>();
    private final Map<String, AutoCloseable> attachments = new LinkedHashMap<>();

    private final DeliveryPolicies policies;

    private Broker(StoreSettings settings, MessageStore store, Clock clock, DeliveryPolicies policies) {
        this.settings = settings;
        this.policies = policies;
        this.store = store;
        this.clock = clock;
        this.exclusive = H2Urls.isExclusive(settings.url());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "h2mq-timer");
            t.setDaemon(true);
            return t;
        });
        this.expirySweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "h2mq-expiry");
            t.setDaemon(true);
            return t;
        });
        this.wakeups = new Wakeups(timer, clock);
        this.crossProcess = new CrossProcessWakeups(JdbcMessageStores.changeFeed(settings), wakeups, timer,
                settings.pollMillis());
        this.endpoints = new EndpointDirectory(store, nodeId, clock, this::awaitWrites);
        this.subscriptions = new Subscriptions(endpoints, nodeId);
        this.router = new Router(endpoints);
        this.xaBranches = new XaBranches(this);
        this.groupCommit = new GroupCommit(store, settings.forceToDisk());
        this.admission = new Admission(this);
        this.expiry = new Expiry(this);
        this.administration = new Administration(this);
    }

    static Broker start(StoreSettings settings, Clock clock, DeliveryPolicies policies) {
        MessageStore store = JdbcMessageStores.open(settings);
        Broker broker = new Broker(settings, store, clock, policies);
        try {
            broker.join();
            broker.crossProcess.start();
        } catch (RuntimeException e) {
            broker.timer.shutdownNow();
            broker.expirySweeper.shutdownNow();
            store.close();
            throw e;
        }
        return broker;
    }

    private void join() {
        clock.align(store::databaseMillis);
        long now = clock.millis();
        store.heartbeat(nodeId, now + settings.leaseMillis());
        if (exclusive) {
            // No other process can have this store open: whatever other nodes hold, they held before a crash.
            wake(store.reclaimFromDeadNodes(nodeId, now, true), "stopped nodes");
        } else {
            housekeep(now);
        }
        // Renewed six times per lease, so a renewal may fail or be late a few times before the lease runs out.
        long renewEvery = settings.leaseMillis() / 6;
        timer.scheduleWithFixedDelay(this::keepAlive, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        long sweepEvery = settings.expiryScanMillis();
        expirySweeper.scheduleWithFixedDelay(this::sweepExpired, sweepEvery, sweepEvery, TimeUnit.MILLISECONDS);
    }

    /** Renews this node's lease and those of the entries it holds, and does the housekeeping when it is this node's. */
    private void keepAlive() {
        try {
            clock.align(store::databaseMillis);
            long now = clock.millis();
            store.heartbeat(nodeId, now + settings.leaseMillis());
            if (!exclusive) {
                housekeep(now);
            }
        } catch (StoreException e) {
            JMSException failure = JmsErrors.store("heartbeat of node " + nodeId + " to " + settings.url(), e);
            LOG.log(Level.WARNING, failure.getMessage(), e);
            failureListeners.forEach(l -> l.accept(failure));
        }
    }

    /**
     * Work one node at a time does for all: handing back claims whose lease lapsed, and removing what dead nodes
     * left. Whichever node holds the short housekeeping lease does it; the others skip it, and take over within half
     * a lease if the holder dies.
     */
    private void housekeep(long now) {
        housekeeper = store.takeLease(HOUSEKEEPING, nodeId, now, now + settings.leaseMillis() / 2);
        if (!housekeeper) {
            return;
        }
        wake(store.reclaimLapsedLeases(now), "claims whose lease lapsed");
        wake(store.reclaimFromDeadNodes(nodeId, now, false), "stopped nodes");
    }

    /**
     * Clears every endpoint whose messages expired, consumed from or not, when this node is the one that sweeps: the
     * only one of an exclusive store, or the housekeeper of a shared one. Two nodes sweeping at once (a lease just
     * changing hands) do no harm: each expired message is claimed before it is moved.
     */
    private void sweepExpired() {
        if (!exclusive && !housekeeper) {
            return;
        }
        try {
            long now = clock.millis();
            expiry.sweepDue(now, now + settings.expiryScanMillis());
        } catch (StoreException | JMSException e) {
            // Nobody waits for the sweep; it is tried again at the next interval, and takes skip expired messages.
            LOG.log(Level.WARNING, "h2mq could not sweep expired messages of " + settings.url()
                    + "; trying again in " + settings.expiryScanMillis() + " ms", e);
        }
    }

    private void wake(Reclaimed reclaimed, String whose) {
        if (reclaimed.entries() > 0) {
            LOG.log(Level.INFO, "h2mq reclaimed {0} unacknowledged messages of {1}; they will be redelivered",
                    reclaimed.entries(), whose);
        }
        reclaimed.endpoints().forEach(wakeups::fire);
        crossProcess.announce(reclaimed.endpoints());
    }

    /**
     * Attaches something that lives as long as this engine (its MBeans, its meters): made by {@code attachment} the
     * first time {@code name} is attached, closed when the engine stops.
     */
    @SuppressWarnings("unchecked")
    public <T extends AutoCloseable> T attach(String name, Supplier<T> attachment) {
        // A lock rather than computeIfAbsent: one attachment may attach another (the MBeans their statistics).
        synchronized (attachments) {
            AutoCloseable existing = attachments.get(name);
            if (existing == null) {
                existing = attachment.get();
                attachments.put(name, existing);
            }
            return (T) existing;
        }
    }

    void stop() {
        List<Map.Entry<String, AutoCloseable>> attached;
        synchronized (attachments) {
            attached = new ArrayList<>(attachments.entrySet());
            attachments.clear();
        }
        Collections.reverse(attached); // the last attached may use what was attached before it
        for (Map.Entry<String, AutoCloseable> attachment : attached) {
            try {
                attachment.getValue().close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "h2mq could not close the " + attachment.getKey() + " of the engine of "
                        + settings.url(), e);
            }
        }
        timer.shutdownNow();
        stopSweeper();
        crossProcess.stop();
        try {
            groupCommit.close();
            store.leave(nodeId);
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "h2mq node " + nodeId + " could not leave the store cleanly; its claims return when "
                    + "its lease expires", e);
        } finally {
            store.close();
        }
    }

    private void stopSweeper() {
        expirySweeper.shutdownNow();
        try {
            // A sweep under way finishes its page before the store closes under it.
            if (!expirySweeper.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "h2mq expiry sweep of " + settings.url() + " still running at stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String nodeId() {
        return nodeId;
    }

    public Clock clock() {
        return clock;
    }

    /** Until when a claim made now lasts, unless renewed. */
    long leaseUntil() {
        return clock.millis() + settings.leaseMillis();
    }

    MessageStore store() {
        return store;
    }

    public StoreSettings settings() {
        return settings;
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    /** Tells {@code listener} when the store cannot be reached (the connection's exception listener). */
    public void addFailureListener(Consumer<JMSException> listener) {
        failureListeners.add(listener);
    }

    public void removeFailureListener(Consumer<JMSException> listener) {
        failureListeners.remove(listener);
    }

    // ---- sending ------------------------------------------------------------------------------------------------

    /**
     * The endpoints a message goes to, with its priority, delivery time and expiry taken from its headers.
     *
     * @param size the encoded message: its head and any body stored apart
     * @throws jakarta.jms.InvalidDestinationException for a temporary destination that no longer exists
     * @throws jakarta.jms.ResourceAllocationException for a message larger than the destination's maxMessageSize,
     *                                                 or a destination full under the FAIL or BLOCK policy
     */
    public List<NewMessage.Target> route(H2mqDestination destination, H2mqMessage message, long size,
                                         String connectionId) throws JMSException {
        admission.checkSize(destination, size);
        return admission.admit(destination.name(), destination.isQueue(),
                targets(destination, message, connectionId), size);
    }

    private List<NewMessage.Target> targets(H2mqDestination destination, H2mqMessage message, String connectionId)
            throws JMSException {
        Router.Placement placement = new Router.Placement(message.getJMSPriority(), message.getJMSDeliveryTime(),
                message.getJMSExpiration());
        try {
            if (destination.isQueue()) {
                return router.toQueue(queueEndpoint(destination), placement);
            }
            if (destination.isTemporary() && !temporaryTopicExists(destination.name())) {
                throw JmsErrors.invalidDestination("temporary topic " + destination.name() + " has been deleted");
            }
            return router.toTopic(destination.name(), message, connectionId, placement);
        } catch (StoreException e) {
            throw JmsErrors.store("routing a message to " + destination, e);
        }
    }

    /**
     * Writes a batch atomically (group commit may share its database transaction with other batches), then wakes
     * the consumers of every endpoint that gained entries.
     */
    public void write(WriteBatch batch) throws JMSException {
        if (batch.isEmpty()) {
            return;
        }
        try {
            groupCommit.write(batch);
        } catch (StoreException e) {
            throw JmsErrors.store(describe(batch), e);
        }
        written(batch);
    }

    /**
     * Queues a batch to be written with the next group commit and returns without waiting for it: the lighter path
     * of NON_PERSISTENT sends, which need not survive a crash. It keeps its place in line before the caller's later
     * writes; consumers are woken once it is committed. A failure is logged and reported to the connections'
     * exception listeners, as the sender has moved on.
     */
    public void writeLater(WriteBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        groupCommit.writeLater(batch, failure -> {
            if (failure == null) {
                written(batch);
            } else {
                JMSException e = JmsErrors.store(describe(batch) + " (not waited for: NON_PERSISTENT)", failure);
                LOG.log(Level.WARNING, e.getMessage(), failure);
                failureListeners.forEach(l -> l.accept(e));
            }
        });
    }

    /**
     * Whether the endpoint dies with this node (see {@link EndpointDirectory#diesWithNode}): a send only to such
     * endpoints, or the acknowledgement of their entries, need not wait for its commit, as after a crash there is no
     * one it could be owed to.
     */
    public boolean diesWithNode(long endpointId) {
        return endpoints.diesWithNode(endpointId);
    }

    /** Returns once everything queued by {@link #writeLater} before the call is written. */
    public void awaitWrites() {
        groupCommit.flush();
    }

    private static String describe(WriteBatch batch) {
        return "writing " + batch.messages().size() + " messages and " + batch.acknowledged().size()
                + " acknowledgements";
    }

    /** Wakes the consumers of the endpoints that gained entries, and producers waiting for room. */
    private void written(WriteBatch batch) {
        long now = clock.millis();
        for (WriteBatch.Redelivery r : batch.redelivered()) {
            bufferOf(r.endpointId()).ifPresent(LocalEndpoint::markStale);
            if (r.visibleAt() > now) {
                wakeups.fireAt(r.endpointId(), r.visibleAt());
            }
        }
        for (NewMessage message : batch.messages()) {
            for (NewMessage.Target target : message.targets()) {
                if (target.visibleAt() > now) {
                    wakeups.fireAt(target.endpointId(), target.visibleAt());
                } else {
                    bufferOf(target.endpointId()).ifPresent(local -> local.arrived(target.priority()));
                }
            }
        }
        batch.endpointsGainingEntries().forEach(wakeups::fire);
        crossProcess.announce(batch.endpointsGainingEntries());
        batch.acknowledged().forEach(e -> wakeups.fireRoom(e.endpointId()));
        batch.expired().forEach(e -> wakeups.fireRoom(e.endpointId()));
        batch.deadLettered().forEach(e -> wakeups.fireRoom(e.endpointId()));
        batch.purged().forEach(e -> wakeups.fireRoom(e.endpointId()));
        batch.takes().forEach(e -> wakeups.fireRoom(e.endpointId()));
        batch.headDrops().forEach(drop -> wakeups.fireRoom(drop[0]));
    }

    /** Wakes the producers of this JVM waiting for room in an endpoint that entries left outside a write. */
    void roomFreed(long endpointId) {
        wakeups.fireRoom(endpointId);
    }

    /** Fired when entries leave an endpoint: producers blocked by a full destination wait on it. */
    Signal roomSignal(long endpointId) {
        return wakeups.roomOf(endpointId);
    }

    DeliveryPolicies policies() {
        return policies;
    }

    /**
     * Adds the redelivery of a delivered message to a batch, delayed as the policy of its destination says for the
     * number of times it has been delivered.
     */
    public void redeliver(WriteBatch batch, Delivery delivery) {
        long delay = policyOf(delivery.message()).delayBefore(delivery.previousDeliveries() + 1);
        batch.redeliver(delivery.endpointId(), delivery.entry().entryId(), delay == 0 ? 0 : clock.millis() + delay);
    }

    /** The policy of the destination a message was sent to (its JMSDestination). */
    DeliveryPolicy policyOf(H2mqMessage message) {
        return message.getJMSDestination() instanceof H2mqDestination d ? policies.of(d.name()) : policies.of("");
    }

    // ---- consuming ----------------------------------------------------------------------------------------------

    public long queueEndpoint(H2mqDestination queue) throws JMSException {
        try {
            if (queue.isTemporary()) {
                return endpoints.existingQueue(queue.name()).orElseThrow(
                        () -> JmsErrors.invalidDestination("temporary queue " + queue.name() + " has been deleted"));
            }
            return endpoints.queue(queue.name());
        } catch (StoreException e) {
            throw JmsErrors.store("opening queue " + queue.name(), e);
        }
    }

    /** The endpoint of a queue if the store has it (never creates one). */
    Optional<Long> existingQueue(String name) {
        return endpoints.existingQueue(name);
    }

    /** The administrator's operations on the endpoints of this store. */
    public Administration administration() {
        return administration;
    }

    /**
     * A reader of the endpoint for one consumer, claiming up to {@code prefetch} entries at a time ahead of demand;
     * close it with the consumer.
     */
    public EndpointReader reader(long endpointId, MessageSelector selector, int prefetch) {
        LocalEndpoint local = localEndpoints.compute(endpointId, (id, existing) -> {
            LocalEndpoint l = existing == null ? new LocalEndpoint() : existing;
            l.readerOpened();
            return l;
        });
        return new EndpointReader(this, endpointId, selector, local, prefetch);
    }

    /**
     * A reader closed; when it was the endpoint's last, the endpoint's local state is forgotten.
     *
     * @return true if it was the last reader (its caller hands the buffer back)
     */
    boolean readerClosed(long endpointId, LocalEndpoint local) {
        boolean[] last = {false};
        localEndpoints.compute(endpointId, (id, existing) -> {
            last[0] = local.readerClosed();
            return last[0] && existing == local ? null : existing;
        });
        return last[0];
    }

    /** The local state of an endpoint, if a consumer of this JVM ever read it. */
    private Optional<LocalEndpoint> bufferOf(long endpointId) {
        return Optional.ofNullable(localEndpoints.get(endpointId));
    }

    /**
     * Entries of the endpoints came back to the store ahead of what this node holds claimed for them: what is
     * buffered goes back before more is taken from it, so the returned messages are delivered first.
     */
    private void returned(Set<Long> endpointIds) {
        endpointIds.forEach(id -> bufferOf(id).ifPresent(LocalEndpoint::markStale));
    }

    public Signal signal(long endpointId) {
        return wakeups.of(endpointId);
    }

    /**
     * A consumer found nothing to claim on the endpoint, so whatever is ready there is delayed or expired. One read
     * tells what is next; expired entries are cleared (dropped, or moved to the expiry queue) only when there are
     * some, and the endpoint's timer is armed for the next entry that becomes visible or expires.
     */
    void endpointIdle(long endpointId, long now) throws JMSException {
        Upcoming upcoming = store.upcoming(endpointId, now);
        if (upcoming.earliestExpiry() != 0 && upcoming.earliestExpiry() <= now) {
            expiry.sweep(endpointId, now);
            upcoming = store.upcoming(endpointId, now);
        }
        long next = earliest(upcoming.nextVisibleAt(), upcoming.earliestExpiry());
        if (next != 0) {
            wakeups.fireAt(endpointId, next);
        }
    }

    private static long earliest(long a, long b) {
        return a == 0 ? b : b == 0 ? a : Math.min(a, b);
    }

    /** Entries of an endpoint, claimed or not, for a queue browser. */
    public List<StoredEntry> browse(long endpointId, Cursor after, int limit) throws JMSException {
        if (after == null) {
            awaitWrites(); // a browse shows the NON_PERSISTENT messages sent before it, too
        }
        try {
            return store.browse(endpointId, clock.millis(), after, limit);
        } catch (StoreException e) {
            throw JmsErrors.store("browsing endpoint " + endpointId, e);
        }
    }

    // ---- global transactions -----------------------------------------------------------------------------------

    public XaBranches xaBranches() {
        return xaBranches;
    }

    /** Commits a prepared branch; false if the store has no such branch. */
    public boolean commitPrepared(BranchId branch) throws JMSException {
        try {
            Optional<Set<Long>> woken = store.commitPrepared(branch);
            woken.ifPresent(endpointIds -> endpointIds.forEach(wakeups::fire));
            woken.ifPresent(crossProcess::announce);
            return woken.isPresent();
        } catch (StoreException e) {
            throw JmsErrors.store("committing prepared " + branch, e);
        }
    }

    /** Rolls back a prepared branch; false if the store has no such branch. */
    public boolean rollbackPrepared(BranchId branch) throws JMSException {
        try {
            Optional<Set<Long>> woken = store.rollbackPrepared(branch);
            woken.ifPresent(this::returned);
            woken.ifPresent(endpointIds -> endpointIds.forEach(wakeups::fire));
            woken.ifPresent(crossProcess::announce);
            return woken.isPresent();
        } catch (StoreException e) {
            throw JmsErrors.store("rolling back prepared " + branch, e);
        }
    }

    public List<BranchId> preparedBranches() throws JMSException {
        try {
            return store.preparedBranches();
        } catch (StoreException e) {
            throw JmsErrors.store("listing prepared branches", e);
        }
    }

    void schedule(Runnable task, long delayMillis) {
        timer.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    // ---- temporary destinations and client IDs ------------------------------------------------------------------

    public String createTemporaryQueue(String connectionId) throws JMSException {
        String name = "h2mq.temp.queue." + UUID.randomUUID();
        try {
            endpoints.temporaryQueue(name, connectionId);
        } catch (StoreException e) {
            throw JmsErrors.store("creating temporary queue " + name, e);
        }
        return name;
    }

    /** A new temporary topic, recorded in the store so that other nodes may send to it until it is deleted. */
    public String createTemporaryTopic() throws JMSException {
        String name = "h2mq.temp.topic." + UUID.randomUUID();
        try {
            store.createTemporaryTopic(name, nodeId);
        } catch (StoreException e) {
            throw JmsErrors.store("creating temporary topic " + name, e);
        }
        temporaryTopics.add(name);
        return name;
    }

    private boolean temporaryTopicExists(String name) {
        return temporaryTopics.contains(name) || store.temporaryTopicExists(name);
    }

    /**
     * Deletes a temporary destination.
     *
     * @throws jakarta.jms.IllegalStateException while it has consumers
     */
    public void deleteTemporary(H2mqDestination destination) throws JMSException {
        try {
            if (destination.isQueue()) {
                Optional<io.h2mq.store.EndpointRecord> queue = endpoints.find(
                        io.h2mq.store.EndpointKeys.queue(destination.name()));
                if (queue.isPresent()) {
                    if (endpoints.activeConsumers(queue.get().id()) > 0) {
                        throw JmsErrors.illegalState("temporary queue " + destination.name() + " still has "
                                + endpoints.activeConsumers(queue.get().id()) + " consumers");
                    }
                    endpoints.delete(queue.get());
                    wakeups.forget(queue.get().id());
                    localEndpoints.remove(queue.get().id());
                }
            } else {
                boolean inUse = endpoints.subscriptionsOf(destination.name()).stream()
                        .anyMatch(s -> endpoints.activeConsumers(s.id()) > 0);
                if (inUse) {
                    throw JmsErrors.illegalState("temporary topic " + destination.name() + " still has consumers");
                }
                store.deleteTemporaryTopic(destination.name());
                temporaryTopics.remove(destination.name());
            }
        } catch (StoreException e) {
            throw JmsErrors.store("deleting " + destination, e);
        }
    }

    /**
     * Reserves a client ID for one connection; false if another connection holds it, in this JVM or in another node
     * of the store that is alive.
     */
    public boolean claimClientId(String clientId) throws JMSException {
        if (!clientIds.add(clientId)) {
            return false;
        }
        boolean claimed = false;
        try {
            claimed = store.claimClientId(clientId, nodeId, clock.millis());
            return claimed;
        } catch (StoreException e) {
            throw JmsErrors.store("reserving client ID " + clientId, e);
        } finally {
            if (!claimed) {
                clientIds.remove(clientId);
            }
        }
    }

    public void releaseClientId(String clientId) {
        clientIds.remove(clientId);
        try {
            store.releaseClientId(clientId, nodeId);
        } catch (StoreException e) {
            // Closing goes on: the store frees the ID when this node leaves, or when its lease lapses.
            LOG.log(Level.WARNING, "h2mq could not release client ID " + clientId + " in the store now; it is freed "
                    + "when node " + nodeId + " leaves or its lease lapses", e);
        }
    }
}
