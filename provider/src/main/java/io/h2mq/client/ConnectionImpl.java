package io.h2mq.client;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.h2mq.H2mqDestination;
import io.h2mq.TemporaryDestinationOwner;
import io.h2mq.engine.Broker;
import io.h2mq.engine.Brokers;
import io.h2mq.engine.JmsErrors;
import io.h2mq.engine.SubscriptionGuard;
import io.h2mq.security.Access;
import io.h2mq.security.Permission;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;

/**
 * A connection: the client ID, the started/stopped state that gates delivery, the sessions, and the temporary
 * destinations that live as long as it does.
 *
 * <p>Thread-safe, as the spec requires. {@code stop()} and {@code close()} wait for deliveries in progress; calling
 * them from a message listener of this connection is refused with {@code IllegalStateException} instead of
 * deadlocking.
 */
public class ConnectionImpl implements Connection, QueueConnection, TopicConnection, TemporaryDestinationOwner {
    private static final System.Logger LOG = System.getLogger(ConnectionImpl.class.getName());

    private final Broker broker;
    private final String id = UUID.randomUUID().toString();
    private final String messageIdPrefix = "ID:" + id + ":";
    private final AtomicLong messageSequence = new AtomicLong();
    private final DeliveryGate gate = new DeliveryGate();
    private final List<SessionImpl> sessions = new CopyOnWriteArrayList<>();
    private final List<Runnable> startListeners = new CopyOnWriteArrayList<>();
    private final List<ConnectionConsumerImpl> connectionConsumers = new CopyOnWriteArrayList<>();
    private final Set<H2mqDestination> temporaries = ConcurrentHashMap.newKeySet();
    private final boolean clientIdAdministered;
    private final Consumer<JMSException> storeFailure = this::onStoreFailure;

    private volatile String clientId;
    private volatile boolean clientIdSettable = true;
    private volatile ExceptionListener exceptionListener;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closeFinished = new CountDownLatch(1);
    private volatile boolean closed;
    private final int prefetch;
    private final Access access;

    /**
     * @param prefetch entries a consumer claims ahead of demand (see {@link Broker#reader})
     * @param access   who the connection authenticated as, and what it may do
     */
    ConnectionImpl(Broker broker, String administeredClientId, int prefetch, Access access) throws JMSException {
        this.broker = broker;
        this.prefetch = prefetch;
        this.access = access;
        this.clientIdAdministered = administeredClientId != null && !administeredClientId.isEmpty();
        if (clientIdAdministered) {
            reserveClientId(administeredClientId);
            this.clientId = administeredClientId;
        }
        broker.addFailureListener(storeFailure);
    }

    Broker broker() {
        return broker;
    }

    int prefetch() {
        return prefetch;
    }

    String id() {
        return id;
    }

    /**
     * Returns if this connection's user may do {@code permission} on {@code destination}; called before anything is
     * written, so a refusal changes nothing.
     *
     * @throws jakarta.jms.JMSSecurityException naming the user, the operation and the destination
     */
    void check(Permission permission, H2mqDestination destination) throws JMSException {
        access.check(permission, destination.name());
    }

    /** Asks before a durable subscription is created or deleted on behalf of this connection. */
    SubscriptionGuard subscriptionGuard() {
        return (change, topic) -> access.check(change == SubscriptionGuard.Change.CREATE
                ? Permission.CREATE_DURABLE_SUBSCRIPTION : Permission.DELETE_DURABLE_SUBSCRIPTION, topic);
    }

    DeliveryGate gate() {
        return gate;
    }

    String nextMessageId() {
        return messageIdPrefix + messageSequence.incrementAndGet();
    }

    void checkOpen() throws JMSException {
        if (closed) {
            throw JmsErrors.closed("connection " + id);
        }
    }

    /** Any use of the connection ends the window in which the client ID may be set. */
    private void used() {
        clientIdSettable = false;
    }

    // ---- sessions ----------------------------------------------------------------------------------------------

    @Override
    public Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return newSession(transacted ? Session.SESSION_TRANSACTED : nonTransacted(acknowledgeMode), SessionImpl.Kind.GENERIC);
    }

    @Override
    public Session createSession(int sessionMode) throws JMSException {
        return newSession(sessionMode, SessionImpl.Kind.GENERIC);
    }

    @Override
    public Session createSession() throws JMSException {
        return newSession(Session.AUTO_ACKNOWLEDGE, SessionImpl.Kind.GENERIC);
    }

    @Override
    public QueueSession createQueueSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return newSession(transacted ? Session.SESSION_TRANSACTED : nonTransacted(acknowledgeMode), SessionImpl.Kind.QUEUE);
    }

    @Override
    public TopicSession createTopicSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return newSession(transacted ? Session.SESSION_TRANSACTED : nonTransacted(acknowledgeMode), SessionImpl.Kind.TOPIC);
    }

    /** With transacted=false, only the three acknowledgement modes are legal; 0 would silently mean transacted. */
    private static int nonTransacted(int acknowledgeMode) throws JMSException {
        if (acknowledgeMode < Session.AUTO_ACKNOWLEDGE || acknowledgeMode > Session.DUPS_OK_ACKNOWLEDGE) {
            throw new JMSException("invalid acknowledge mode " + acknowledgeMode + " for a non-transacted session "
                    + "(expected AUTO_ACKNOWLEDGE=1, CLIENT_ACKNOWLEDGE=2 or DUPS_OK_ACKNOWLEDGE=3)");
        }
        return acknowledgeMode;
    }

    SessionImpl newSession(int sessionMode, SessionImpl.Kind kind) throws JMSException {
        checkOpen();
        used();
        if (sessionMode < Session.SESSION_TRANSACTED || sessionMode > Session.DUPS_OK_ACKNOWLEDGE) {
            throw new JMSException("invalid session mode " + sessionMode + " (expected SESSION_TRANSACTED=0, "
                    + "AUTO_ACKNOWLEDGE=1, CLIENT_ACKNOWLEDGE=2 or DUPS_OK_ACKNOWLEDGE=3)");
        }
        SessionImpl session = new SessionImpl(this, sessionMode, kind);
        sessions.add(session);
        return session;
    }

    XASessionImpl newXaSession(SessionImpl.Kind kind) throws JMSException {
        checkOpen();
        used();
        XASessionImpl session = new XASessionImpl(this, kind, new XaSessionMode(broker));
        sessions.add(session);
        return session;
    }

    void sessionClosed(SessionImpl session) {
        sessions.remove(session);
    }

    // ---- client ID ---------------------------------------------------------------------------------------------

    @Override
    public String getClientID() throws JMSException {
        checkOpen();
        return clientId;
    }

    @Override
    public void setClientID(String newClientId) throws JMSException {
        checkOpen();
        if (clientIdAdministered) {
            throw JmsErrors.illegalState("the client ID of this connection was set administratively to '" + clientId
                    + "' and cannot be changed");
        }
        if (!clientIdSettable || clientId != null) {
            throw JmsErrors.illegalState("the client ID can only be set right after the connection is created, "
                    + "before any other use");
        }
        if (newClientId == null || newClientId.isEmpty()) {
            throw new InvalidClientIDException("client ID must not be null or empty");
        }
        reserveClientId(newClientId);
        clientId = newClientId;
        used();
    }

    private void reserveClientId(String candidate) throws JMSException {
        if (!broker.claimClientId(candidate)) {
            throw new InvalidClientIDException("client ID '" + candidate + "' is already in use by another connection"
                    + " (of this process or of another process sharing the store)");
        }
    }

    // ---- lifecycle ---------------------------------------------------------------------------------------------

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        checkOpen();
        used();
        return MetaData.INSTANCE;
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        checkOpen();
        used();
        return exceptionListener;
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        checkOpen();
        used();
        exceptionListener = listener;
    }

    /** A failure no caller is waiting for (asynchronous delivery): the exception listener hears of it. */
    void reportFailure(JMSException failure) {
        onStoreFailure(failure);
    }

    private void onStoreFailure(JMSException failure) {
        ExceptionListener listener = exceptionListener;
        if (listener != null && !closed) {
            listener.onException(failure);
        }
    }

    /** Runs {@code listener} whenever the connection starts (connection consumers wait for that). */
    void onStart(Runnable listener) {
        startListeners.add(listener);
    }

    void removeStartListener(Runnable listener) {
        startListeners.remove(listener);
    }

    @Override
    public void start() throws JMSException {
        checkOpen();
        used();
        gate.open();
        sessions.forEach(SessionImpl::wake);
        startListeners.forEach(Runnable::run);
    }

    @Override
    public void stop() throws JMSException {
        checkOpen();
        used();
        if (ListenerThreads.inListenerOf(this)) {
            throw JmsErrors.illegalState("a message listener must not stop its own connection");
        }
        try {
            gate.closeAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JmsErrors.withCause(new JMSException("interrupted while stopping connection " + id), e);
        }
    }

    /**
     * Closes once: a second caller, on any thread, waits for the first close to finish and returns, so the shared
     * engine is released exactly once.
     */
    @Override
    public void close() throws JMSException {
        if (closing.get()) {
            awaitClosed();
            return;
        }
        if (ListenerThreads.inListenerOf(this)) {
            throw JmsErrors.illegalState("a message listener must not close its own connection");
        }
        if (ListenerThreads.inCompletionOf(this)) {
            throw JmsErrors.illegalState("a completion listener must not close its own connection");
        }
        if (!closing.compareAndSet(false, true)) {
            awaitClosed();
            return;
        }
        try {
            closeOnce();
        } finally {
            closed = true;
            closeFinished.countDown();
        }
    }

    private void awaitClosed() {
        try {
            closeFinished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeOnce() throws JMSException {
        try {
            gate.closeAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        JMSException first = null;
        for (ConnectionConsumerImpl consumer : connectionConsumers) {
            try {
                consumer.close();
            } catch (JMSException e) {
                first = first == null ? e : first;
            }
        }
        for (SessionImpl session : sessions) {
            try {
                session.close();
            } catch (JMSException e) {
                first = first == null ? e : first;
            }
        }
        for (H2mqDestination temporary : temporaries) {
            try {
                broker.deleteTemporary(temporary);
            } catch (JMSException e) {
                LOG.log(Level.WARNING, "could not delete " + temporary + " when closing connection " + id, e);
            }
        }
        temporaries.clear();
        closed = true;
        if (clientId != null) {
            broker.releaseClientId(clientId);
        }
        broker.removeFailureListener(storeFailure);
        Brokers.release(broker);
        if (first != null) {
            throw first;
        }
    }

    boolean isClosed() {
        return closed;
    }

    // ---- temporary destinations --------------------------------------------------------------------------------

    void registerTemporary(H2mqDestination destination) {
        temporaries.add(destination);
    }

    @Override
    public boolean owns(H2mqDestination destination) {
        return temporaries.contains(destination);
    }

    @Override
    public void deleteTemporary(H2mqDestination destination) throws JMSException {
        checkOpen();
        broker.deleteTemporary(destination);
        temporaries.remove(destination);
    }

    // ---- application server facilities -------------------------------------------------------------------------

    private ConnectionConsumer track(ConnectionConsumerImpl consumer) {
        connectionConsumers.add(consumer);
        return consumer;
    }

    void connectionConsumerClosed(ConnectionConsumerImpl consumer) {
        connectionConsumers.remove(consumer);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination destination, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        checkOpen();
        used();
        return track(ConnectionConsumerImpl.open(this, destination, messageSelector, sessionPool, maxMessages));
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue queue, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        return createConnectionConsumer((Destination) queue, messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Topic topic, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        return createConnectionConsumer((Destination) topic, messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String subscriptionName,
                                                             String messageSelector, ServerSessionPool sessionPool,
                                                             int maxMessages) throws JMSException {
        checkOpen();
        used();
        return track(ConnectionConsumerImpl.openShared(this, topic, subscriptionName, messageSelector, false,
                sessionPool, maxMessages));
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String subscriptionName,
                                                              String messageSelector, ServerSessionPool sessionPool,
                                                              int maxMessages) throws JMSException {
        checkOpen();
        used();
        return track(ConnectionConsumerImpl.openDurable(this, topic, subscriptionName, messageSelector, sessionPool,
                maxMessages));
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String subscriptionName,
                                                                    String messageSelector,
                                                                    ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        checkOpen();
        used();
        return track(ConnectionConsumerImpl.openShared(this, topic, subscriptionName, messageSelector, true,
                sessionPool, maxMessages));
    }

    @Override
    public String toString() {
        String user = access.identity().name();
        return "H2mqConnection[" + id + (clientId == null ? "" : ", clientID=" + clientId)
                + (user == null ? "" : ", user=" + user) + "]";
    }
}
