package io.h2mq.management;

/** A topic subscription of the store (durable or not, shared or not): its figures. */
public interface SubscriptionMXBean extends DestinationMXBean {
    String getTopic();

    String getName();

    /** The client ID of a durable subscription that has one; null otherwise. */
    String getClientId();
}
