package io.h2mq.engine;

import java.util.HashMap;
import java.util.Map;

import io.h2mq.store.StoreException;
import io.h2mq.store.StoreSettings;

import jakarta.jms.JMSException;

/**
 * One {@link Broker} per store per JVM, shared by all connections to it and stopped with the last of them, so that a
 * JVM is one node of the store however many connection factories point at it.
 */
public final class Brokers {
    private static final Map<String, Shared> RUNNING = new HashMap<>();

    private Brokers() {
    }

    private static final class Shared {
        final Broker broker;
        int users;

        Shared(Broker broker) {
            this.broker = broker;
        }
    }

    public static synchronized Broker acquire(StoreSettings settings, Clock clock) throws JMSException {
        return acquire(settings, clock, DeliveryPolicies.of(DeliveryPolicy.DEFAULT, null));
    }

    /** The engine of a store; the policies of the first connection to it are those of every later one. */
    public static synchronized Broker acquire(StoreSettings settings, Clock clock, DeliveryPolicies policies)
            throws JMSException {
        Shared shared = RUNNING.get(settings.url());
        if (shared == null) {
            try {
                shared = new Shared(Broker.start(settings, clock, policies));
            } catch (StoreException e) {
                throw JmsErrors.store("opening the store at " + settings.url(), e);
            }
            RUNNING.put(settings.url(), shared);
        }
        shared.users++;
        return shared.broker;
    }

    public static synchronized void release(Broker broker) {
        Shared shared = RUNNING.get(broker.settings().url());
        if (shared == null || shared.broker != broker) {
            return;
        }
        if (--shared.users == 0) {
            RUNNING.remove(broker.settings().url());
            broker.stop();
        }
    }
}
