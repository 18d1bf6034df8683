package io.h2mq.client;

import java.lang.System.Logger.Level;

import io.h2mq.H2mqDestination;
import io.h2mq.engine.Broker;
import io.h2mq.engine.Delivery;
import io.h2mq.engine.EndpointReader;
import io.h2mq.engine.JmsErrors;
import io.h2mq.engine.Signal;
import io.h2mq.security.Permission;
import io.h2mq.selector.MessageSelector;
import io.h2mq.store.EndpointRecord;
import io.h2mq.store.WriteBatch;

import jakarta.jms.ConnectionConsumer;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.ServerSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;

/**
 * The application-server facility of the spec: a consumer owned by the connection that claims messages and hands
 * them, up to {@code maxMessages} at a time, to sessions taken from the server's {@link ServerSessionPool}. One daemon
 * thread per connection consumer, woken by the endpoint's signal.
 */
final class ConnectionConsumerImpl implements ConnectionConsumer, Runnable {
    private static final System.Logger LOG = System.getLogger(ConnectionConsumerImpl.class.getName());
    private static final long STOP_WAIT_MILLIS = 5_000;

    private final ConnectionImpl connection;
    private final ServerSessionPool pool;
    private final int maxMessages;
    private final EndpointReader reader;
    private final EndpointRecord subscription;
    private final Signal wake = new Signal();
    private final Runnable endpointWake = wake::fire;
    private final Thread thread;
    private volatile boolean closed;

    private ConnectionConsumerImpl(ConnectionImpl connection, ServerSessionPool pool, int maxMessages,
                                   EndpointReader reader, EndpointRecord subscription) {
        this.connection = connection;
        this.pool = pool;
        this.maxMessages = Math.max(1, maxMessages);
        this.reader = reader;
        this.subscription = subscription;
        reader.signal().addListener(endpointWake);
        connection.onStart(endpointWake);
        this.thread = new Thread(this, "h2mq-connection-consumer-" + connection.id());
        thread.setDaemon(true);
        thread.start();
    }

    static ConnectionConsumerImpl open(ConnectionImpl connection, Destination destination, String selector,
                                   ServerSessionPool pool, int maxMessages) throws JMSException {
        H2mqDestination target = Destinations.requireOf(destination);
        MessageSelector compiled = MessageSelector.compile(selector);
        connection.check(Permission.CONSUME, target);
        Broker broker = connection.broker();
        if (target.isQueue()) {
            long queueId = broker.queueEndpoint(target);
            return new ConnectionConsumerImpl(connection, pool, maxMessages, broker.reader(queueId, compiled, connection.prefetch()), null);
        }
        EndpointRecord sub = broker.subscriptions().openNonDurable(target.name(), selector, false, connection.id());
        return new ConnectionConsumerImpl(connection, pool, maxMessages, broker.reader(sub.id(), MessageSelector.ALL, connection.prefetch()),
                sub);
    }

    static ConnectionConsumerImpl openDurable(ConnectionImpl connection, Topic topic, String name, String selector,
                                          ServerSessionPool pool, int maxMessages) throws JMSException {
        H2mqDestination target = Destinations.requireTopic(topic);
        MessageSelector.compile(selector);
        connection.check(Permission.CONSUME, target);
        EndpointRecord sub = connection.broker().subscriptions().openDurable(connection.getClientID(),
                Destinations.requireSubscriptionName(name), target.name(), selector, false, false, connection.id(),
                connection.subscriptionGuard());
        return new ConnectionConsumerImpl(connection, pool, maxMessages,
                connection.broker().reader(sub.id(), MessageSelector.ALL, connection.prefetch()), sub);
    }

    static ConnectionConsumerImpl openShared(ConnectionImpl connection, Topic topic, String name, String selector,
                                         boolean durable, ServerSessionPool pool, int maxMessages)
            throws JMSException {
        H2mqDestination target = Destinations.requireTopic(topic);
        MessageSelector.compile(selector);
        String subscriptionName = Destinations.requireSubscriptionName(name);
        connection.check(Permission.CONSUME, target);
        EndpointRecord sub = durable
                ? connection.broker().subscriptions().openDurable(connection.getClientID(), subscriptionName,
                        target.name(), selector, false, true, connection.id(), connection.subscriptionGuard())
                : connection.broker().subscriptions().openSharedNonDurable(connection.getClientID(), subscriptionName,
                        target.name(), selector);
        return new ConnectionConsumerImpl(connection, pool, maxMessages,
                connection.broker().reader(sub.id(), MessageSelector.ALL, connection.prefetch()), sub);
    }

    @Override
    public ServerSessionPool getServerSessionPool() throws JMSException {
        if (closed) {
            throw JmsErrors.closed("connection consumer");
        }
        return pool;
    }

    @Override
    public void run() {
        while (!closed) {
            long seen = wake.version();
            try {
                if (!dispatchBatch()) {
                    wake.awaitChange(seen, Long.MAX_VALUE);
                }
            } catch (InterruptedException e) {
                return;
            } catch (JMSException e) {
                connection.reportFailure(e);
                LOG.log(Level.WARNING, "connection consumer failed to dispatch", e);
            }
        }
    }

    private boolean dispatchBatch() throws JMSException {
        DeliveryGate gate = connection.gate();
        if (!gate.enter()) {
            return false;
        }
        try {
            Delivery first = reader.poll();
            if (first == null) {
                return false;
            }
            ServerSession serverSession;
            try {
                serverSession = pool.getServerSession();
            } catch (JMSException | RuntimeException e) {
                connection.broker().write(new WriteBatch().giveBack(first.endpointId(), first.entry().entryId()));
                throw e;
            }
            Session session = serverSession.getSession();
            if (!(session instanceof SessionImpl ours)) {
                connection.broker().write(new WriteBatch().giveBack(first.endpointId(), first.entry().entryId()));
                throw new JMSException("server session pool returned a session of another provider: " + session);
            }
            ours.serverSessionDeliveries().load(first);
            for (int i = 1; i < maxMessages; i++) {
                Delivery next = reader.poll();
                if (next == null) {
                    break;
                }
                ours.serverSessionDeliveries().load(next);
            }
            serverSession.start();
            return true;
        } finally {
            gate.exit();
        }
    }

    /**
     * Stops dispatching and waits for a dispatch in progress to end. The thread is woken, not interrupted, so that a
     * database call it is making is not cut off; only a server session pool that keeps it blocked past
     * {@link #STOP_WAIT_MILLIS} is interrupted.
     */
    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        closed = true;
        reader.signal().removeListener(endpointWake);
        connection.removeStartListener(endpointWake);
        wake.fire();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(STOP_WAIT_MILLIS);
                if (thread.isAlive()) {
                    thread.interrupt();
                    thread.join(STOP_WAIT_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        connection.connectionConsumerClosed(this);
        try {
            reader.close();
        } finally {
            if (subscription != null) {
                connection.broker().subscriptions().consumerClosed(subscription);
            }
        }
    }
}
