package io.h2mq.management;

import java.util.List;

import jakarta.jms.JMSException;

/** The MBean of an engine. */
final class BrokerControl implements BrokerMXBean {
    private final CachedStatistics statistics;
    private final String nodeId;

    BrokerControl(CachedStatistics statistics, String nodeId) {
        this.statistics = statistics;
        this.nodeId = nodeId;
    }

    private List<DestinationStatistics> rows() {
        try {
            return statistics.statistics();
        } catch (JMSException e) {
            Engines.logFailure("reading the statistics of " + statistics.storeId(), e);
            throw new IllegalStateException(e.getMessage());
        }
    }

    @Override
    public String getStore() {
        return statistics.storeId();
    }

    @Override
    public String getNodeId() {
        return nodeId;
    }

    @Override
    public int getQueues() {
        return (int) rows().stream().filter(DestinationStatistics::isQueue).count();
    }

    @Override
    public int getSubscriptions() {
        return (int) rows().stream().filter(s -> !s.isQueue()).count();
    }

    @Override
    public long getTotalDepth() {
        return rows().stream().mapToLong(DestinationStatistics::depth).sum();
    }
}
