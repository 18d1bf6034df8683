package io.h2mq.management;

/**
 * The figures of a queue or topic subscription, as JMX attributes. Reads share one reading of the store's
 * statistics, taken again at most once a second ({@link CachedStatistics}).
 */
public interface DestinationMXBean {
    /** Messages waiting, in delivery, or held by a prepared transaction. */
    long getDepth();

    long getDepthBytes();

    /** Messages a consumer holds (claimed, not yet acknowledged) or a prepared transaction holds. */
    long getInFlight();

    /** Consumers open on it, in every live process. */
    int getConsumers();

    long getEnqueued();

    long getAcknowledged();

    long getExpired();

    long getDeadLettered();

    /** How long the oldest message waiting has waited; 0 when none waits. */
    long getOldestMessageAgeMillis();
}
