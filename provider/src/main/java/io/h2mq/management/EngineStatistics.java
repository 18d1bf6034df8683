package io.h2mq.management;

import java.util.List;

import io.h2mq.engine.Broker;

import jakarta.jms.JMSException;

/** The statistics of the store a running engine serves, through the engine's own administration. */
final class EngineStatistics implements StatisticsSource {
    private final Broker broker;

    EngineStatistics(Broker broker) {
        this.broker = broker;
    }

    @Override
    public List<DestinationStatistics> statistics() throws JMSException {
        return broker.administration().statistics().stream().map(StoreAdmin::toDestinationStatistics).toList();
    }

    @Override
    public long storeTimeMillis() {
        return broker.clock().millis();
    }

    @Override
    public String storeId() {
        return Engines.storeId(broker);
    }
}
