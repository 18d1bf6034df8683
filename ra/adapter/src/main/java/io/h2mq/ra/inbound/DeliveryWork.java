package io.h2mq.ra.inbound;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.jms.JMSException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.work.Work;

/**
 * The loop of one session, run on a thread of the server's work manager: deliver the next message, again, until its
 * {@link Deliveries} stops. A failure of the session (the store is unreachable, the container refuses a delivery)
 * ends the loop and is reported to the Deliveries, whose activation reconnects.
 *
 * <p>Whichever way it ends — the loop returns, or the work manager rejects the work before it ran — the session is
 * closed and the endpoint released exactly once, and {@code done} counted down, which is what deactivation waits for.
 */
final class DeliveryWork implements Work {
    private final SessionDelivery delivery;
    private final Deliveries owner;
    private final CountDownLatch done;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile boolean released;

    DeliveryWork(SessionDelivery delivery, Deliveries owner, CountDownLatch done) {
        this.delivery = delivery;
        this.owner = owner;
        this.done = done;
    }

    @Override
    public void run() {
        try {
            while (!released && !owner.isStopping()) {
                delivery.deliverNext();
            }
        } catch (JMSException | ResourceException | RuntimeException e) {
            owner.failed(e);
        } finally {
            finish();
        }
    }

    /** The work manager asks this work to end (the server is shutting down): after the delivery in progress. */
    @Override
    public void release() {
        released = true;
    }

    /** Closes the session and releases the endpoint, once; also called for a work that never ran. */
    void finish() {
        if (finished.compareAndSet(false, true)) {
            try {
                delivery.close();
            } finally {
                done.countDown();
            }
        }
    }
}
