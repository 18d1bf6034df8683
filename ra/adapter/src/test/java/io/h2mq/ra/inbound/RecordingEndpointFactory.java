package io.h2mq.ra.inbound;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.transaction.xa.XAResource;

import jakarta.jms.Message;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/**
 * A deployed message-driven bean as the adapter sees it: makes {@link RecordingEndpoint}s, records every delivery
 * in order, counts endpoints created and released and transactions committed and rolled back, and runs a
 * {@link Behaviour} in onMessage (to throw, or to block).
 */
final class RecordingEndpointFactory implements MessageEndpointFactory {
    /** What the bean does with a message after it was recorded; may throw. */
    @FunctionalInterface
    interface Behaviour {
        void onMessage(Message message, Received received) throws Exception;
    }

    private final boolean transacted;
    private final Behaviour behaviour;
    private final List<Received> received = new ArrayList<>();
    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger released = new AtomicInteger();
    final AtomicInteger commits = new AtomicInteger();
    final AtomicInteger rollbacks = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    /** Endpoints refused with UnavailableException while {@link #deploying}. */
    final AtomicInteger refused = new AtomicInteger();
    /** While true, createEndpoint throws UnavailableException, as a container does until the bean is deployed. */
    volatile boolean deploying;

    RecordingEndpointFactory(boolean transacted, Behaviour behaviour) {
        this.transacted = transacted;
        this.behaviour = behaviour;
    }

    static RecordingEndpointFactory accepting(boolean transacted) {
        return new RecordingEndpointFactory(transacted, (m, r) -> { });
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource) throws UnavailableException {
        if (deploying) {
            refused.incrementAndGet();
            throw new UnavailableException(getActivationName() + " is still being deployed");
        }
        created.incrementAndGet();
        return new RecordingEndpoint(this, transacted ? xaResource : null);
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) throws UnavailableException {
        return createEndpoint(xaResource);
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
        return transacted;
    }

    @Override
    public String getActivationName() {
        return "test-bean@" + Integer.toHexString(System.identityHashCode(this));
    }

    @Override
    public Class<?> getEndpointClass() {
        return RecordingEndpoint.class;
    }

    void deliver(Message message) throws Exception {
        Received r = Received.of(message);
        synchronized (received) {
            received.add(r);
        }
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            Waits.changed();
            behaviour.onMessage(message, r);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** A transaction in which a message was delivered ended (empty ones are not counted). */
    void ended(boolean committed) {
        (committed ? commits : rollbacks).incrementAndGet();
        Waits.changed();
    }

    void endpointReleased() {
        released.incrementAndGet();
        Waits.changed();
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    int receivedCount() {
        synchronized (received) {
            return received.size();
        }
    }
}
