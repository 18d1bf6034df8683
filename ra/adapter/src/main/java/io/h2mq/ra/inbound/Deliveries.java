package io.h2mq.ra.inbound;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import io.h2mq.H2mqXAConnectionFactory;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.XAConnection;
import jakarta.resource.spi.work.WorkAdapter;
import jakarta.resource.spi.work.WorkEvent;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

/**
 * One connection of an activation, with its sessions and the works that run them: the unit a reconnect throws away
 * whole and builds anew.
 *
 * <p>Concurrency: each session is used only by its own {@link DeliveryWork}. The first failure any of them, or the
 * connection's exception listener, reports is passed on once to the activation; failures after {@link #close()}
 * began are the close's own doing and ignored. {@code close()} may be called from any thread, any number of times:
 * the first caller stops delivery and every caller returns when all onMessage calls in progress have returned, the
 * sessions are closed, the endpoints released and the connection closed.
 */
final class Deliveries {
    private static final System.Logger LOG = System.getLogger(Deliveries.class.getName());

    private final DeliverySetup setup;
    private final Connection connection;
    private final BiConsumer<Deliveries, Exception> onFailure;
    private final List<DeliveryWork> works = new ArrayList<>();
    private final CountDownLatch worksDone;
    private final AtomicBoolean failed = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean stopping;

    private Deliveries(DeliverySetup setup, Connection connection, BiConsumer<Deliveries, Exception> onFailure) {
        this.setup = setup;
        this.connection = connection;
        this.onFailure = onFailure;
        this.worksDone = new CountDownLatch(setup.sessions());
    }

    /**
     * Connects to the store and opens every session with its consumer and endpoint; nothing is delivered before
     * {@link #start}. On failure, what was opened is closed again.
     *
     * @param onFailure told, once, when the store or the container fails this connection's delivery
     */
    static Deliveries open(DeliverySetup setup, BiConsumer<Deliveries, Exception> onFailure) throws JMSException {
        H2mqXAConnectionFactory factory = new H2mqXAConnectionFactory(setup.target().store());
        Connection connection = setup.transacted() ? factory.createXAConnection() : factory.createConnection();
        Deliveries deliveries = new Deliveries(setup, connection, onFailure);
        try {
            deliveries.openSessions();
            return deliveries;
        } catch (JMSException | RuntimeException e) {
            deliveries.works.forEach(DeliveryWork::finish);
            Closing.close(connection, e);
            throw e;
        }
    }

    private void openSessions() throws JMSException {
        if (setup.clientId() != null && connection.getClientID() == null) {
            connection.setClientID(setup.clientId());
        }
        connection.setExceptionListener(this::failed);
        for (int i = 0; i < setup.sessions(); i++) {
            SessionDelivery delivery = setup.transacted()
                    ? TransactedDelivery.open((XAConnection) connection, setup.recipe(), setup.factory(),
                            setup.rollback())
                    : AcknowledgedDelivery.open(connection, setup.recipe(), setup.factory());
            works.add(new DeliveryWork(delivery, this, worksDone));
        }
    }

    /**
     * Starts the connection and hands each session's loop to the work manager. On failure the caller must
     * {@link #close()} this: works already started are running.
     */
    void start(WorkManager workManager) throws JMSException, WorkException {
        connection.start();
        for (int i = 0; i < works.size(); i++) {
            DeliveryWork work = works.get(i);
            try {
                workManager.scheduleWork(work, WorkManager.INDEFINITE, null, new WorkAdapter() {
                    @Override
                    public void workRejected(WorkEvent e) {
                        failed(e.getException());
                        work.finish();
                    }
                });
            } catch (WorkException e) {
                works.subList(i, works.size()).forEach(DeliveryWork::finish);
                throw e;
            }
        }
    }

    boolean isStopping() {
        return stopping;
    }

    /** A session or the connection failed: reported to the activation once, unless this is being closed. */
    void failed(Exception cause) {
        if (!stopping && failed.compareAndSet(false, true)) {
            onFailure.accept(this, cause);
        }
    }

    /** Stops delivery and waits for it to end, then closes everything; see the class comment. */
    void close() {
        if (!closing.compareAndSet(false, true)) {
            awaitClosed();
            return;
        }
        stopping = true;
        try {
            stopConnection();
            awaitWorks();
            try {
                connection.close();
            } catch (JMSException e) {
                LOG.log(Level.WARNING, "h2mq activation connection for " + setup + " did not close cleanly", e);
            }
        } finally {
            closed.countDown();
        }
    }

    // Stopping first means no session starts a new delivery while the others finish theirs; a session waiting in
    // receive returns within SessionDelivery.RECEIVE_TIMEOUT_MILLIS and sees that it is stopping.
    private void stopConnection() {
        try {
            connection.stop();
        } catch (JMSException e) {
            LOG.log(Level.WARNING, "h2mq activation connection for " + setup + " could not be stopped; its sessions "
                    + "end after their current receive", e);
        }
    }

    private void awaitWorks() {
        try {
            worksDone.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.log(Level.WARNING, "h2mq activation for " + setup + " interrupted while waiting for "
                    + worksDone.getCount() + " deliveries in progress; closing its connection under them", e);
        }
    }

    private void awaitClosed() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.log(Level.WARNING, "h2mq activation for " + setup + " interrupted while waiting for another thread "
                    + "to close it", e);
        }
    }

    @Override
    public String toString() {
        return "h2mq deliveries of " + setup;
    }
}
