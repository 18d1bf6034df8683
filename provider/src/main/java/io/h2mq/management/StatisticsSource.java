package io.h2mq.management;

import java.util.List;

import jakarta.jms.JMSException;

/** Where the figures of a store's queues and subscriptions come from: a {@link StoreAdmin}, or a cache of one. */
public interface StatisticsSource {

    /** One row per queue and per topic subscription in the store, all processes included. */
    List<DestinationStatistics> statistics() throws JMSException;

    /** The store's time now (epoch millis): what the age of an oldest message is measured against. */
    long storeTimeMillis();

    /** A name for the store, fit to show (its URL without a password). */
    String storeId();

    /** How long the oldest message waiting on a destination has waited, in milliseconds; 0 when none waits. */
    default long oldestMessageAgeMillis(DestinationStatistics statistics) {
        long oldest = statistics.oldestMessageTimestamp();
        return oldest < 0 ? 0 : Math.max(0, storeTimeMillis() - oldest);
    }
}
