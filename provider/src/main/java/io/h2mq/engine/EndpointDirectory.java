package io.h2mq.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.h2mq.store.EndpointKeys;
import io.h2mq.store.EndpointKind;
import io.h2mq.store.EndpointRecord;
import io.h2mq.store.EndpointSpec;
import io.h2mq.store.MessageStore;

/**
 * Finds and creates endpoints: queues by name (created on first use), and the subscriptions of topics. Queue ids are
 * cached because a queue, once created, keeps its id until it is deleted through this directory. Also counts the
 * active consumers of each endpoint in this JVM, which the subscription rules of the spec depend on.
 */
final class EndpointDirectory {
    private final MessageStore store;
    private final String nodeId;
    private final Map<String, Long> queueIds = new ConcurrentHashMap<>();
    private final Map<Long, Integer> activeConsumers = new ConcurrentHashMap<>();
    /** Endpoints of this node that die with it: its temporary queues and unshared non-durable subscriptions. */
    private final java.util.Set<Long> diesWithNode = ConcurrentHashMap.newKeySet();

    private final Runnable pendingWrites;
    private final Clock clock;

    /** @param pendingWrites waits for writes queued without waiting, so none lands after its endpoint is deleted */
    EndpointDirectory(MessageStore store, String nodeId, Clock clock, Runnable pendingWrites) {
        this.store = store;
        this.nodeId = nodeId;
        this.clock = clock;
        this.pendingWrites = pendingWrites;
    }

    long queue(String name) {
        return queueIds.computeIfAbsent(name, n -> store.createEndpoint(
                new EndpointSpec(EndpointKeys.queue(n), EndpointKind.QUEUE, n, null, null, null, false, false, false,
                        null, null)).id());
    }

    Optional<EndpointRecord> find(String key) {
        return store.findEndpoint(key);
    }

    Optional<Long> existingQueue(String name) {
        Long cached = queueIds.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        return store.findEndpoint(EndpointKeys.queue(name)).map(EndpointRecord::id);
    }

    long temporaryQueue(String name, String connectionId) {
        long id = store.createEndpoint(new EndpointSpec(EndpointKeys.queue(name), EndpointKind.QUEUE, name, null,
                null, null, false, false, true, nodeId, connectionId)).id();
        queueIds.put(name, id);
        diesWithNode.add(id);
        return id;
    }

    EndpointRecord nonDurableSubscription(String topic, String selector, boolean noLocal, String connectionId) {
        String name = UUID.randomUUID().toString();
        EndpointRecord record = store.createEndpoint(new EndpointSpec(EndpointKeys.nonDurable(name),
                EndpointKind.SUBSCRIPTION, topic, name, null, selector, noLocal, false, false, nodeId, connectionId));
        diesWithNode.add(record.id());
        return record;
    }

    /**
     * Whether the endpoint belongs to this node alone and is deleted when the node dies (a temporary queue, or an
     * unshared non-durable subscription, made here): what is written only to it need not survive a crash, since
     * nothing is left to deliver it to or redeliver it from.
     */
    boolean diesWithNode(long endpointId) {
        return diesWithNode.contains(endpointId);
    }

    EndpointRecord create(EndpointSpec spec) {
        return store.createEndpoint(spec);
    }

    List<EndpointRecord> subscriptionsOf(String topic) {
        return store.subscriptionsOf(topic);
    }

    void delete(EndpointRecord endpoint) {
        pendingWrites.run();
        store.deleteEndpoint(endpoint.id());
        if (endpoint.kind() == EndpointKind.QUEUE) {
            queueIds.remove(endpoint.destination(), endpoint.id());
        }
        activeConsumers.remove(endpoint.id());
        diesWithNode.remove(endpoint.id());
    }

    void consumerOpened(long endpointId) {
        activeConsumers.merge(endpointId, 1, Integer::sum);
    }

    /** @return the consumers of this JVM still active on the endpoint */
    int consumerClosed(long endpointId) {
        Integer left = activeConsumers.computeIfPresent(endpointId, (id, n) -> n <= 1 ? null : n - 1);
        return left == null ? 0 : left;
    }

    /** The active consumers of the endpoint in this JVM. */
    int activeConsumers(long endpointId) {
        return activeConsumers.getOrDefault(endpointId, 0);
    }

    /**
     * Whether consumers of several nodes may open on the endpoint: a durable subscription, or a shared one. Their
     * consumers are counted in the store as well, so that the subscription rules hold across processes.
     */
    private static boolean openToEveryNode(EndpointRecord endpoint) {
        return endpoint.kind() == EndpointKind.DURABLE_SUBSCRIPTION
                || endpoint.kind() == EndpointKind.SUBSCRIPTION && endpoint.spec().shared();
    }

    /**
     * Every consumer is registered in the store too (one write per open and close), so that the statistics of any
     * process count the consumers of all; the subscription rules read the store's count only where they must.
     */
    void consumerOpened(EndpointRecord endpoint) {
        store.consumerOpened(endpoint.id(), nodeId);
        consumerOpened(endpoint.id());
    }

    /** @return the consumers still active on the endpoint, in every node for one open to every node */
    int consumerClosed(EndpointRecord endpoint) {
        int local = consumerClosed(endpoint.id());
        store.consumerClosed(endpoint.id(), nodeId);
        return openToEveryNode(endpoint) ? activeConsumers(endpoint) : local;
    }

    void queueConsumerOpened(long queueEndpointId) {
        store.consumerOpened(queueEndpointId, nodeId);
        consumerOpened(queueEndpointId);
    }

    void queueConsumerClosed(long queueEndpointId) {
        consumerClosed(queueEndpointId);
        store.consumerClosed(queueEndpointId, nodeId);
    }

    /** The active consumers of the endpoint: in every live node for one open to every node, else in this JVM. */
    int activeConsumers(EndpointRecord endpoint) {
        return openToEveryNode(endpoint) ? store.activeConsumers(endpoint.id(), clock.millis())
                : activeConsumers(endpoint.id());
    }

    void setConnection(long endpointId, String connectionId) {
        store.setEndpointConnection(endpointId, connectionId);
    }
}
