package io.h2mq.ra.inbound;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.h2mq.ra.StoreSettings;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The resource adapter's active message endpoints, by (endpoint factory, activation spec): the pair the server
 * passes to both {@code endpointActivation} and {@code endpointDeactivation}.
 *
 * <p>Thread-safe; the server may activate and deactivate different endpoints at once. Deactivation returns when the
 * endpoint's deliveries in progress have ended, its sessions are closed (its subscription is free for the next
 * deployment) and its endpoint instances are released.
 */
public final class Activations {
    private static final System.Logger LOG = System.getLogger(Activations.class.getName());

    private final WorkManager workManager;
    private final StoreSettings adapterSettings;
    private final RollbackMarker rollback;
    private final Map<Key, Activation> active = new ConcurrentHashMap<>();

    /** Identity of the spec bean, not its properties: the server hands back the same object on deactivation. */
    private record Key(MessageEndpointFactory factory, H2mqActivationSpec spec) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && other.factory == factory && other.spec == spec;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(factory) * 31 + System.identityHashCode(spec);
        }
    }

    /**
     * @param registry the server's transaction registry (from its bootstrap context), used to roll back a delivery
     *                 that failed outside the bean; null if the server gives none
     */
    public Activations(WorkManager workManager, StoreSettings adapterSettings,
            TransactionSynchronizationRegistry registry) {
        this.workManager = workManager;
        this.adapterSettings = adapterSettings;
        this.rollback = registry == null ? RollbackMarker.NONE : new RollbackMarker(registry);
    }

    public void activate(MessageEndpointFactory factory, H2mqActivationSpec spec) throws ResourceException {
        spec.validate();
        Activation activation = Activation.of(factory, spec, adapterSettings, workManager, rollback);
        Key key = new Key(factory, spec);
        if (active.putIfAbsent(key, activation) != null) {
            throw new jakarta.resource.spi.IllegalStateException("h2mq endpoint " + factory.getActivationName()
                    + " is already active with " + spec);
        }
        try {
            activation.start();
        } catch (ResourceException | RuntimeException e) {
            active.remove(key, activation);
            activation.stop();
            throw e;
        }
        LOG.log(Level.INFO, "h2mq endpoint {0} activated: {1}", factory.getActivationName(), activation);
    }

    public void deactivate(MessageEndpointFactory factory, H2mqActivationSpec spec) {
        Activation activation = active.remove(new Key(factory, spec));
        if (activation == null) {
            LOG.log(Level.WARNING, "h2mq endpoint {0} deactivated with {1}, which is not active here",
                    factory.getActivationName(), spec);
            return;
        }
        activation.stop();
        LOG.log(Level.INFO, "h2mq endpoint {0} deactivated", factory.getActivationName());
    }

    /** Deactivates every endpoint still active (the adapter is stopping). */
    public void stopAll() {
        for (Key key : List.copyOf(active.keySet())) {
            deactivate(key.factory(), key.spec());
        }
    }
}
