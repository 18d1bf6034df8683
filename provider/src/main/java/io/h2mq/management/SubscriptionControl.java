package io.h2mq.management;

/** The MBean of a topic subscription. */
final class SubscriptionControl extends DestinationControl implements SubscriptionMXBean {

    SubscriptionControl(CachedStatistics statistics, DestinationKey key) {
        super(statistics, key);
    }

    @Override
    public String getTopic() {
        return key.destination();
    }

    @Override
    public String getName() {
        return key.subscription();
    }

    @Override
    public String getClientId() {
        return key.clientId();
    }
}
