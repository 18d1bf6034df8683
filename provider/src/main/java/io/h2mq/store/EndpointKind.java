package io.h2mq.store;

/** What an endpoint is: a queue, or one kind of topic subscription. */
public enum EndpointKind {
    QUEUE,
    /** A subscription that lives as long as its consumers (shared or not). */
    SUBSCRIPTION,
    /** A subscription that outlives its consumers until unsubscribed. */
    DURABLE_SUBSCRIPTION;

    public boolean isSubscription() {
        return this != QUEUE;
    }
}
