package io.h2mq.management;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

import io.h2mq.H2mqOptions;
import io.h2mq.engine.Administration;
import io.h2mq.engine.Broker;
import io.h2mq.engine.Brokers;
import io.h2mq.engine.JmsErrors;
import io.h2mq.security.Access;
import io.h2mq.security.Permission;
import io.h2mq.selector.MessageSelector;
import io.h2mq.store.EndpointRecord;
import io.h2mq.store.EndpointStatistics;

import jakarta.jms.JMSException;

/**
 * Administration of one store, for tools and MBeans: figures from counters, never from reading messages.
 *
 * <p>Opening one joins the store as connections do: in a JVM that has connections to the same store it shares their
 * engine, otherwise it starts one (and is then a node of the store until closed, like a connection). Purge, move and
 * retry run beside consumers of any process: they never take a message a consumer holds (see
 * {@link Administration}). Thread-safe.
 *
 * <p>Opened {@linkplain #open(H2mqOptions) with the options alone}, it acts with the authority of whoever holds the
 * database's credentials, who could change the tables directly anyway (a tool, the engine's own MBeans). Opened
 * {@linkplain #open(H2mqOptions, String, String) as a messaging user}, the user is authenticated as a connection's
 * would be, and every operation needs the permission {@code manage} on the destinations it touches; statistics show
 * only those destinations.
 */
public final class StoreAdmin implements StatisticsSource, AutoCloseable {
    private final Broker broker;
    /** The messaging user this administration acts for; null when it acts with the database's authority. */
    private final Access access;
    private final AtomicBoolean closed = new AtomicBoolean();

    private StoreAdmin(Broker broker, Access access) {
        this.broker = broker;
        this.access = access;
    }

    /**
     * Opens the store the options name (same engine sharing rules as connections); fails with a JMSException whose
     * message names the URL when it cannot be opened (wrong URL, database locked by another process).
     */
    public static StoreAdmin open(H2mqOptions options) throws JMSException {
        return new StoreAdmin(Engines.acquire(options), null);
    }

    /**
     * Opens the store as the messaging user {@code user}, authenticated by the options' security as
     * {@code createConnection(user, password)} would be ({@code JMSSecurityException} when refused, before the store
     * is opened); each operation then needs {@code manage} on its destinations.
     */
    public static StoreAdmin open(H2mqOptions options, String user, String password) throws JMSException {
        Access access = Engines.security(options).login(user, password);
        return new StoreAdmin(Engines.acquire(options), access);
    }

    /**
     * One row per queue and per topic subscription in the store, all processes included (for a messaging user, those
     * of destinations it may manage). Never reads a message.
     */
    @Override
    public List<DestinationStatistics> statistics() throws JMSException {
        return administration().statistics().stream().map(StoreAdmin::toDestinationStatistics)
                .filter(row -> access == null || access.allows(Permission.MANAGE, row.destination())).toList();
    }

    static DestinationStatistics toDestinationStatistics(EndpointStatistics s) {
        EndpointRecord e = s.endpoint();
        boolean queue = !e.kind().isSubscription();
        return new DestinationStatistics(queue ? DestinationStatistics.QUEUE : DestinationStatistics.SUBSCRIPTION,
                e.destination(), queue ? null : e.spec().subscriptionName(), queue ? null : e.spec().clientId(),
                s.depth(), s.depthBytes(), s.inFlight(), s.consumers(), s.enqueued(), s.acknowledged(), s.expired(),
                s.deadLettered(), s.oldestVisibleAt());
    }

    /**
     * Deletes the ready (not in-delivery) messages of a queue that match the selector (null: all); returns how many.
     * InvalidDestinationException naming the queue when the store has no such queue.
     */
    public long purge(String queue, String selector, LongConsumer progress) throws JMSException {
        checkManage(queue);
        return administration().purge(queue, MessageSelector.compile(selector), progress);
    }

    /** Moves matching ready messages from one queue to another (created if needed); returns how many. */
    public long move(String fromQueue, String toQueue, String selector, LongConsumer progress) throws JMSException {
        checkManage(fromQueue);
        checkManage(toQueue);
        return administration().move(fromQueue, toQueue, MessageSelector.compile(selector), progress);
    }

    /** Sends each message of a dead-letter queue back to its H2MQ_ORIGINAL_DESTINATION; returns how many. */
    public long retryDeadLetters(String deadLetterQueue, LongConsumer progress) throws JMSException {
        checkManage(deadLetterQueue);
        return administration().retryDeadLetters(deadLetterQueue, progress);
    }

    /** The store's time now (epoch millis, the database's clock): what oldest-message ages are measured against. */
    @Override
    public long storeTimeMillis() {
        return broker.clock().millis();
    }

    /** A name for the store, fit to show (its URL without a password). */
    @Override
    public String storeId() {
        return Engines.storeId(broker);
    }

    /** Refuses, before anything changes, an operation the messaging user may not do on {@code destination}. */
    private void checkManage(String destination) throws JMSException {
        if (access != null) {
            access.check(Permission.MANAGE, destination);
        }
    }

    private Administration administration() throws JMSException {
        if (closed.get()) {
            throw JmsErrors.closed("the administration of the store at " + broker.settings().url());
        }
        return broker.administration();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Brokers.release(broker);
        }
    }
}
