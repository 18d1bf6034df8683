package io.h2mq.management;

import java.util.Objects;

import jakarta.jms.JMSException;

/**
 * The attributes shared by queue and subscription MBeans: each read finds the destination's row in the cached
 * reading of the store's statistics. A destination gone since it was registered reads as zero until the registry
 * unregisters it.
 */
abstract class DestinationControl implements DestinationMXBean {
    private static final DestinationStatistics GONE = new DestinationStatistics("", "", null, null, 0, 0, 0, 0, 0, 0,
            0, 0, -1);

    final CachedStatistics statistics;
    final DestinationKey key;

    DestinationControl(CachedStatistics statistics, DestinationKey key) {
        this.statistics = statistics;
        this.key = key;
    }

    /** What identifies a queue or subscription among the rows of the statistics. */
    record DestinationKey(String kind, String destination, String subscription, String clientId) {
        static DestinationKey of(DestinationStatistics s) {
            return new DestinationKey(s.kind(), s.destination(), s.subscription(), s.clientId());
        }
    }

    private DestinationStatistics row() {
        try {
            return statistics.statistics().stream().filter(s -> key.equals(DestinationKey.of(s))).findFirst()
                    .orElse(GONE);
        } catch (JMSException e) {
            Engines.logFailure("reading the statistics of " + key.destination(), e);
            throw new IllegalStateException(e.getMessage());
        }
    }

    @Override
    public long getDepth() {
        return row().depth();
    }

    @Override
    public long getDepthBytes() {
        return row().depthBytes();
    }

    @Override
    public long getInFlight() {
        return row().inFlight();
    }

    @Override
    public int getConsumers() {
        return row().consumers();
    }

    @Override
    public long getEnqueued() {
        return row().enqueued();
    }

    @Override
    public long getAcknowledged() {
        return row().acknowledged();
    }

    @Override
    public long getExpired() {
        return row().expired();
    }

    @Override
    public long getDeadLettered() {
        return row().deadLettered();
    }

    @Override
    public long getOldestMessageAgeMillis() {
        return statistics.oldestMessageAgeMillis(row());
    }

    @Override
    public String toString() {
        return Objects.toString(key);
    }
}
