package io.h2mq.ra.inbound;

import java.lang.System.Logger.Level;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.h2mq.ra.StoreSettings;

import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

/**
 * One message endpoint activated with one spec: keeps a {@link Deliveries} connected while it is active, and when
 * the store or the container fails it, throws it away and connects again every {@code reconnectInterval}
 * milliseconds (at least {@link #MIN_RECONNECT_MILLIS}, so a zero cannot spin), logging once per outage.
 *
 * <p>Concurrency: the state (the current connection, the outage flag, stopped) is guarded by this object's lock, and
 * nothing that waits for delivery threads runs under it except closing a connection that failed to start. A failure
 * report never takes the lock: it only schedules a {@link RetryWork}, which takes the broken connection down, closes
 * it, waits, and reconnects; at most one such chain runs at a time, because a connection reports only its first
 * failure and only the current connection's report counts. {@link #stop()} ends it all and returns when every
 * delivery in progress has ended and every endpoint is released.
 */
final class Activation {
    static final long MIN_RECONNECT_MILLIS = 100;
    private static final System.Logger LOG = System.getLogger(Activation.class.getName());

    private final DeliverySetup setup;
    private final WorkManager workManager;
    private final long reconnectMillis;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private Deliveries current;
    private Deliveries broken;
    private boolean stopped;
    private boolean outage;
    private int failedAttempts;

    private Activation(DeliverySetup setup, WorkManager workManager, long reconnectMillis) {
        this.setup = setup;
        this.workManager = workManager;
        this.reconnectMillis = Math.max(MIN_RECONNECT_MILLIS, reconnectMillis);
    }

    /** Resolves what the spec names; fails for a name that does not resolve, before anything is opened. */
    static Activation of(MessageEndpointFactory factory, H2mqActivationSpec spec, StoreSettings adapterSettings,
                         WorkManager workManager, RollbackMarker rollback) throws ResourceException {
        ActivationTarget target = ActivationTarget.resolve(spec, adapterSettings);
        ConsumerRecipe recipe = ConsumerRecipe.of(spec, target);
        DeliverySetup setup = new DeliverySetup(target, recipe, recipe.sessions(spec.getMaxSession()),
                spec.getClientId(), factory, isTransacted(factory), rollback);
        return new Activation(setup, workManager, spec.getReconnectInterval());
    }

    private static boolean isTransacted(MessageEndpointFactory factory) throws ResourceException {
        try {
            return factory.isDeliveryTransacted(OnMessage.METHOD);
        } catch (NoSuchMethodException e) {
            throw new ResourceException("h2mq activation: endpoint " + factory.getEndpointClass()
                    + " has no " + OnMessage.METHOD + ": " + e.getMessage(), e);
        }
    }

    /**
     * Connects and starts delivery. A mistake in the configuration (selector, destination, client ID, credentials)
     * fails the activation; a store that cannot be reached now does not: the activation keeps trying to connect.
     * Endpoints are not created here but by each session's delivery thread ({@link LazyEndpoint}), so the container
     * gets this call back at once and may finish deploying the bean.
     */
    void start() throws ResourceException {
        try {
            connect();
        } catch (JMSException e) {
            if (isConfigurationError(e)) {
                throw new ResourceException("h2mq activation of " + setup + " failed: " + e.getMessage(), e);
            }
            lost(null, e);
        }
    }

    private static boolean isConfigurationError(JMSException e) {
        return e instanceof InvalidSelectorException || e instanceof InvalidDestinationException
                || e instanceof InvalidClientIDException || e instanceof JMSSecurityException
                || e instanceof jakarta.jms.IllegalStateException;
    }

    private synchronized void connect() throws JMSException, ResourceException {
        if (stopped) {
            return;
        }
        Deliveries deliveries = Deliveries.open(setup, this::lost);
        try {
            deliveries.start(workManager);
        } catch (JMSException | WorkException | RuntimeException e) {
            deliveries.close();
            throw e;
        }
        current = deliveries;
        if (outage) {
            LOG.log(Level.INFO, "h2mq activation of {0} reconnected after {1} failed attempts", setup,
                    failedAttempts);
        }
        outage = false;
        failedAttempts = 0;
    }

    /** A connection failed, or could not be made (null): reconnect later. Never blocks; callable from any thread. */
    private void lost(Deliveries deliveries, Exception cause) {
        try {
            workManager.scheduleWork(new RetryWork(this, deliveries, cause));
        } catch (WorkException e) {
            e.addSuppressed(cause);
            LOG.log(Level.ERROR, "h2mq activation of " + setup + " lost its connection and cannot schedule a "
                    + "reconnect; it delivers nothing until the endpoint is activated again", e);
        }
    }

    /**
     * Called by the retry: makes {@code deliveries} (null: a connection that could not be made) no longer current and
     * reports the outage. False if there is nothing to reconnect: the activation stopped, or the report is stale.
     */
    synchronized boolean takeDown(Deliveries deliveries, Exception cause) {
        if (stopped || deliveries != current) {
            return false;
        }
        current = null;
        broken = deliveries;
        failedAttempts++;
        if (!outage) {
            outage = true;
            LOG.log(Level.WARNING, "h2mq activation of " + setup + " cannot deliver: " + cause.getMessage()
                    + "; reconnecting every " + reconnectMillis + " ms", cause);
        } else {
            LOG.log(Level.DEBUG, "h2mq activation of " + setup + " still cannot connect: " + cause.getMessage(), cause);
        }
        return true;
    }

    /** Called by the retry: waits before the next attempt; true if the activation stopped meanwhile. */
    boolean awaitStop() {
        try {
            return stopSignal.await(reconnectMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.log(Level.WARNING, "h2mq activation of " + setup + " was interrupted while waiting to reconnect; it "
                    + "delivers nothing until the endpoint is activated again", e);
            return true;
        }
    }

    /** Called by the retry: one attempt to connect; a failure schedules the next. */
    void reconnect() {
        try {
            connect();
        } catch (JMSException | ResourceException | RuntimeException e) {
            lost(null, e);
        }
    }

    /** Stops delivery; returns when deliveries in progress have ended, sessions are closed, endpoints released. */
    void stop() {
        Deliveries running;
        Deliveries closing;
        synchronized (this) {
            stopped = true;
            running = current;
            closing = broken;
            current = null;
            broken = null;
        }
        stopSignal.countDown();
        if (running != null) {
            running.close();
        }
        if (closing != null) {
            closing.close();
        }
    }

    @Override
    public String toString() {
        return "h2mq activation of " + setup;
    }
}
