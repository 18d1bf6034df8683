package io.h2mq.management;

/** The engine of one store in this JVM. Reading its attributes also brings the destination MBeans up to date. */
public interface BrokerMXBean {
    /** The store's JDBC URL, without a password. */
    String getStore();

    /** This JVM's node id in the store. */
    String getNodeId();

    /** Queues in the store, of every process. */
    int getQueues();

    /** Topic subscriptions in the store, of every process. */
    int getSubscriptions();

    /** Messages waiting in all queues and subscriptions. */
    long getTotalDepth();
}
