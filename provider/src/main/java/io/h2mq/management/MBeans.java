package io.h2mq.management;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import io.h2mq.engine.Administration;
import io.h2mq.engine.Broker;

import jakarta.jms.JMSException;

/**
 * The MBeans of one engine on the platform MBeanServer, domain {@value #DOMAIN}: one for the engine, one per queue and
 * one per topic subscription of the store (of every process). The set follows the store: each new reading of the
 * statistics (at most one a second, when an attribute is read, and at least every {@value #REFRESH_SECONDS} s)
 * registers the destinations that appeared and unregisters those that went. Closed with the engine: then every MBean
 * it registered is gone.
 *
 * <p>Thread-safe; registration changes are serialized on this object.
 */
final class MBeans implements AutoCloseable {
    static final String DOMAIN = "io.h2mq";
    static final int REFRESH_SECONDS = 5;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final CachedStatistics statistics;
    private final Administration administration;
    private final String store;
    private final Set<ObjectName> registered = new HashSet<>();
    private final ScheduledExecutorService refresher;
    private boolean closed;

    private MBeans(Broker broker, CachedStatistics statistics) {
        this.statistics = statistics;
        this.administration = broker.administration();
        this.store = statistics.storeId();
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "h2mq-jmx");
            t.setDaemon(true);
            return t;
        });
    }

    /** Registers the engine's MBean and those of the destinations the store has now. */
    static MBeans register(Broker broker, CachedStatistics statistics) {
        MBeans beans = new MBeans(broker, statistics);
        beans.add(brokerName(beans.store), new BrokerControl(statistics, broker.nodeId()));
        statistics.addListener(beans::follow);
        beans.refresh();
        beans.refresher.scheduleWithFixedDelay(beans::refresh, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
        return beans;
    }

    private void refresh() {
        try {
            statistics.statistics();
        } catch (JMSException | RuntimeException e) {
            Engines.logFailure("refreshing the MBeans of " + store, e);
        }
    }

    /** Registers the destinations of a reading that have no MBean yet, and unregisters those it lacks. */
    private synchronized void follow(List<DestinationStatistics> reading) {
        if (closed) {
            return;
        }
        Set<ObjectName> present = new HashSet<>();
        present.add(brokerName(store));
        for (DestinationStatistics s : reading) {
            ObjectName name = nameOf(store, s);
            present.add(name);
            if (!registered.contains(name)) {
                DestinationControl.DestinationKey key = DestinationControl.DestinationKey.of(s);
                add(name, s.isQueue() ? new QueueControl(statistics, key, administration)
                        : new SubscriptionControl(statistics, key));
            }
        }
        for (ObjectName name : Set.copyOf(registered)) {
            if (!present.contains(name)) {
                remove(name);
            }
        }
    }

    private synchronized void add(ObjectName name, Object bean) {
        try {
            server.registerMBean(bean, name);
            registered.add(name);
        } catch (JMException e) {
            Engines.logFailure("registering MBean " + name, e);
        }
    }

    private void remove(ObjectName name) {
        registered.remove(name);
        try {
            server.unregisterMBean(name);
        } catch (JMException e) {
            Engines.logFailure("unregistering MBean " + name, e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        refresher.shutdownNow();
        Set.copyOf(registered).forEach(this::remove);
    }

    static ObjectName brokerName(String store) {
        return name("type=Broker,store=" + ObjectName.quote(store));
    }

    static ObjectName queueName(String store, String queue) {
        return name("type=Queue,store=" + ObjectName.quote(store) + ",name=" + ObjectName.quote(queue));
    }

    static ObjectName subscriptionName(String store, String topic, String subscription, String clientId) {
        return name("type=Subscription,store=" + ObjectName.quote(store) + ",topic=" + ObjectName.quote(topic)
                + ",name=" + ObjectName.quote(subscription)
                + (clientId == null ? "" : ",clientId=" + ObjectName.quote(clientId)));
    }

    private static ObjectName nameOf(String store, DestinationStatistics s) {
        return s.isQueue() ? queueName(store, s.destination())
                : subscriptionName(store, s.destination(), s.subscription(), s.clientId());
    }

    private static ObjectName name(String properties) {
        try {
            return new ObjectName(DOMAIN + ":" + properties);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("not an MBean name: " + DOMAIN + ":" + properties, e);
        }
    }
}
