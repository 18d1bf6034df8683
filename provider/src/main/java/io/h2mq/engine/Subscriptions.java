package io.h2mq.engine;

import java.util.Objects;
import java.util.Optional;

import io.h2mq.store.EndpointKeys;
import io.h2mq.store.EndpointKind;
import io.h2mq.store.EndpointRecord;
import io.h2mq.store.EndpointSpec;
import io.h2mq.store.StoreException;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;

/**
 * The subscription rules of the spec: who may open a consumer on which subscription, when a changed topic or selector
 * replaces a durable subscription, when a subscription ends. Identity: client ID + name for durable subscriptions
 * (shared ones may lack a client ID), the same in a separate space for shared non-durable ones.
 *
 * <p>Thread-safe; decisions that read and then write are serialized on this object within one JVM. Across the
 * processes sharing a store, the consumers of durable and shared subscriptions are counted in the store: a consumer
 * is registered first and counted after, so two processes opening an unshared durable subscription at once never
 * both keep it.
 */
public final class Subscriptions {
    private final EndpointDirectory endpoints;
    private final String nodeId;

    Subscriptions(EndpointDirectory endpoints, String nodeId) {
        this.endpoints = endpoints;
        this.nodeId = nodeId;
    }

    /** A subscription that lives as long as one consumer. */
    public synchronized EndpointRecord openNonDurable(String topic, String selector, boolean noLocal,
                                                      String connectionId) throws JMSException {
        try {
            EndpointRecord record = endpoints.nonDurableSubscription(topic, selector, noLocal, connectionId);
            endpoints.consumerOpened(record);
            return record;
        } catch (StoreException e) {
            throw JmsErrors.store("subscribing to topic " + topic, e);
        }
    }

    /**
     * Opens a consumer on the durable subscription {@code name}, creating it or replacing it when its topic, selector
     * or noLocal differ.
     */
    public EndpointRecord openDurable(String clientId, String name, String topic, String selector,
                                      boolean noLocal, boolean shared, String connectionId) throws JMSException {
        return openDurable(clientId, name, topic, selector, noLocal, shared, connectionId, SubscriptionGuard.NONE);
    }

    /**
     * As {@link #openDurable(String, String, String, String, boolean, boolean, String)}, asking {@code guard} before
     * the subscription is created, or deleted and created again because its topic, selector or noLocal changed.
     */
    public synchronized EndpointRecord openDurable(String clientId, String name, String topic, String selector,
                                                   boolean noLocal, boolean shared, String connectionId,
                                                   SubscriptionGuard guard) throws JMSException {
        try {
            String key = EndpointKeys.durable(clientId, name, shared);
            String otherKey = EndpointKeys.durable(clientId, name, !shared);
            if (endpoints.find(otherKey).isPresent()) {
                throw new JMSException("durable subscription " + describe(clientId, name) + " already exists as "
                        + (shared ? "an unshared" : "a shared") + " subscription");
            }
            Optional<EndpointRecord> existing = endpoints.find(key);
            if (existing.isPresent()) {
                EndpointRecord current = existing.get();
                int active = endpoints.activeConsumers(current);
                boolean same = sameTarget(current, topic, selector, noLocal);
                if (active > 0 && (!shared || !same)) {
                    throw JmsErrors.illegalState("durable subscription " + describe(clientId, name)
                            + " is in use by " + active + " active consumer" + (active == 1 ? "" : "s")
                            + (same ? "" : " with another topic or selector"));
                }
                if (!same) {
                    guard.check(SubscriptionGuard.Change.DELETE, current.destination());
                    guard.check(SubscriptionGuard.Change.CREATE, topic);
                    endpoints.delete(current);
                    existing = Optional.empty();
                }
            } else {
                guard.check(SubscriptionGuard.Change.CREATE, topic);
            }
            EndpointRecord record = existing.orElseGet(() -> endpoints.create(new EndpointSpec(key,
                    EndpointKind.DURABLE_SUBSCRIPTION, topic, name, clientId, selector, noLocal, shared, false, null,
                    connectionId)));
            if (noLocal) {
                endpoints.setConnection(record.id(), connectionId);
            }
            endpoints.consumerOpened(record);
            if (!shared && endpoints.activeConsumers(record) > 1) {
                // A process sharing the store opened it between our check and our registration.
                endpoints.consumerClosed(record);
                throw JmsErrors.illegalState("durable subscription " + describe(clientId, name)
                        + " is in use by a consumer of another process");
            }
            return record;
        } catch (StoreException e) {
            throw JmsErrors.store("opening durable subscription " + describe(clientId, name), e);
        }
    }

    /** Opens a consumer on the shared non-durable subscription {@code name}, creating it if needed. */
    public synchronized EndpointRecord openSharedNonDurable(String clientId, String name, String topic,
                                                            String selector) throws JMSException {
        try {
            String key = EndpointKeys.sharedNonDurable(clientId, name);
            Optional<EndpointRecord> existing = endpoints.find(key);
            if (existing.isPresent() && !sameTarget(existing.get(), topic, selector, false)) {
                throw new JMSException("shared subscription " + describe(clientId, name) + " exists on topic "
                        + existing.get().destination() + " with selector " + existing.get().spec().selector()
                        + "; a consumer for topic " + topic + " with selector " + selector + " cannot join it");
            }
            EndpointRecord record = existing.orElseGet(() -> endpoints.create(new EndpointSpec(key,
                    EndpointKind.SUBSCRIPTION, topic, name, clientId, selector, false, true, false, null, null)));
            endpoints.consumerOpened(record);
            return record;
        } catch (StoreException e) {
            throw JmsErrors.store("opening shared subscription " + describe(clientId, name), e);
        }
    }

    /** A consumer opened on a queue endpoint. */
    public void openQueueConsumer(long queueEndpointId) throws JMSException {
        try {
            endpoints.queueConsumerOpened(queueEndpointId);
        } catch (StoreException e) {
            throw JmsErrors.store("registering a consumer of queue endpoint " + queueEndpointId, e);
        }
    }

    /** A consumer closed; a non-durable subscription ends with its last consumer. */
    public synchronized void consumerClosed(EndpointRecord endpoint) throws JMSException {
        try {
            int left = endpoints.consumerClosed(endpoint);
            if (left == 0 && endpoint.kind() == EndpointKind.SUBSCRIPTION) {
                endpoints.delete(endpoint);
            }
        } catch (StoreException e) {
            throw JmsErrors.store("ending subscription " + endpoint.key(), e);
        }
    }

    public void queueConsumerClosed(long queueEndpointId) throws JMSException {
        try {
            endpoints.queueConsumerClosed(queueEndpointId);
        } catch (StoreException e) {
            throw JmsErrors.store("unregistering a consumer of queue endpoint " + queueEndpointId, e);
        }
    }

    /**
     * Deletes a durable subscription.
     *
     * @throws InvalidDestinationException      if there is none of that name
     * @param pendingEndpoints endpoints from which the unsubscribing session holds unacknowledged messages
     * @throws jakarta.jms.IllegalStateException while it has an active consumer, or while a message consumed from it
     *                                           is unacknowledged or part of a pending transaction of the session
     */
    public void unsubscribe(String clientId, String name, java.util.Set<Long> pendingEndpoints)
            throws JMSException {
        unsubscribe(clientId, name, pendingEndpoints, SubscriptionGuard.NONE);
    }

    /** As {@link #unsubscribe(String, String, java.util.Set)}, asking {@code guard} before the delete. */
    public synchronized void unsubscribe(String clientId, String name, java.util.Set<Long> pendingEndpoints,
                                         SubscriptionGuard guard) throws JMSException {
        try {
            Optional<EndpointRecord> found = endpoints.find(EndpointKeys.durable(clientId, name, false))
                    .or(() -> endpoints.find(EndpointKeys.durable(clientId, name, true)));
            if (found.isEmpty()) {
                throw new InvalidDestinationException("no durable subscription " + describe(clientId, name));
            }
            int active = endpoints.activeConsumers(found.get());
            if (active > 0) {
                throw JmsErrors.illegalState("durable subscription " + describe(clientId, name)
                        + " cannot be unsubscribed while it has " + active + " active consumer"
                        + (active == 1 ? "" : "s"));
            }
            if (pendingEndpoints.contains(found.get().id())) {
                throw JmsErrors.illegalState("durable subscription " + describe(clientId, name) + " cannot be "
                        + "unsubscribed while a message consumed from it is unacknowledged or in an open transaction");
            }
            guard.check(SubscriptionGuard.Change.DELETE, found.get().destination());
            endpoints.delete(found.get());
        } catch (StoreException e) {
            throw JmsErrors.store("unsubscribing " + describe(clientId, name), e);
        }
    }

    private static boolean sameTarget(EndpointRecord record, String topic, String selector, boolean noLocal) {
        return record.destination().equals(topic)
                && Objects.equals(blankToNull(record.spec().selector()), blankToNull(selector))
                && record.spec().noLocal() == noLocal;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String describe(String clientId, String name) {
        return "'" + name + "'" + (clientId == null ? "" : " of client ID '" + clientId + "'");
    }
}
