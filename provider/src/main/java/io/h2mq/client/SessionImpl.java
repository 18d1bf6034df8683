package io.h2mq.client;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.h2mq.H2mqDestination;
import io.h2mq.H2mqQueue;
import io.h2mq.H2mqTemporaryQueue;
import io.h2mq.H2mqTemporaryTopic;
import io.h2mq.H2mqTopic;
import io.h2mq.engine.Delivery;
import io.h2mq.engine.JmsErrors;
import io.h2mq.engine.LargeBodies;
import io.h2mq.engine.Signal;
import io.h2mq.message.EncodedMessage;
import io.h2mq.message.H2mqBytesMessage;
import io.h2mq.message.H2mqMapMessage;
import io.h2mq.message.H2mqMessage;
import io.h2mq.message.H2mqObjectMessage;
import io.h2mq.message.H2mqStreamMessage;
import io.h2mq.message.H2mqTextMessage;
import io.h2mq.store.NewMessage;

import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;

/**
 * A session: the factory of messages, producers and consumers, and the unit of acknowledgement and transaction. The
 * mode of acknowledgement is a {@link SessionMode} chosen at creation; asynchronous delivery is a
 * {@link ListenerLoop}; subscription rules live in the engine.
 *
 * <p>Single-threaded as the spec defines it: one thread of control at a time, except {@code close()}, which any
 * thread may call. The mode is guarded by a lock because the listener thread and that closing thread may meet.
 */
public class SessionImpl implements Session, QueueSession, TopicSession {
    /** Whether it was created as a queue session, a topic session, or the unified kind. */
    enum Kind { GENERIC, QUEUE, TOPIC }

    private final ConnectionImpl connection;
    private final int sessionMode;
    private final Kind kind;
    private final SessionMode mode;
    private final Object modeLock = new Object();
    private final Signal wake = new Signal();
    private final List<ConsumerImpl> consumers = new CopyOnWriteArrayList<>();
    private final List<ProducerImpl> producers = new CopyOnWriteArrayList<>();
    private final List<BrowserImpl> browsers = new CopyOnWriteArrayList<>();
    private final ListenerLoop listenerLoop;
    private final CompletionDispatcher completions;
    private final ServerSessionDeliveries serverSessionDeliveries;
    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean closed;

    SessionImpl(ConnectionImpl connection, int sessionMode, Kind kind) {
        this(connection, sessionMode, kind, SessionMode.of(sessionMode, connection.broker()));
    }

    SessionImpl(ConnectionImpl connection, int sessionMode, Kind kind, SessionMode mode) {
        this.connection = connection;
        this.sessionMode = sessionMode;
        this.kind = kind;
        this.mode = mode;
        this.listenerLoop = new ListenerLoop(this);
        this.completions = new CompletionDispatcher(this);
        this.serverSessionDeliveries = new ServerSessionDeliveries(this);
    }

    ConnectionImpl connection() {
        return connection;
    }

    Object modeLock() {
        return modeLock;
    }

    Signal wakeSignal() {
        return wake;
    }

    List<ConsumerImpl> consumers() {
        return consumers;
    }

    boolean isClosed() {
        return closed;
    }

    void checkOpen() throws JMSException {
        if (closed) {
            throw JmsErrors.closed("session");
        }
        connection.checkOpen();
    }

    /** Wakes everything that waits in this session: the listener loop and blocked receives. */
    void wake() {
        wake.fire();
        consumers.forEach(ConsumerImpl::wake);
    }

    private void requireKind(Kind forbidden, String method) throws JMSException {
        if (kind == forbidden) {
            throw JmsErrors.illegalState(method + " is not allowed on a " + (kind == Kind.QUEUE ? "QueueSession"
                    : "TopicSession"));
        }
    }

    // ---- messages ----------------------------------------------------------------------------------------------

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        checkOpen();
        return new H2mqBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        checkOpen();
        return new H2mqMapMessage();
    }

    @Override
    public Message createMessage() throws JMSException {
        checkOpen();
        return new H2mqMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        checkOpen();
        return new H2mqObjectMessage();
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) throws JMSException {
        checkOpen();
        H2mqObjectMessage m = new H2mqObjectMessage();
        m.setObject(object);
        return m;
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        checkOpen();
        return new H2mqStreamMessage();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        checkOpen();
        return new H2mqTextMessage();
    }

    @Override
    public TextMessage createTextMessage(String text) throws JMSException {
        checkOpen();
        H2mqTextMessage m = new H2mqTextMessage();
        m.setText(text);
        return m;
    }

    // ---- transactions and acknowledgement ----------------------------------------------------------------------

    @Override
    public boolean getTransacted() throws JMSException {
        checkOpen();
        return sessionMode == Session.SESSION_TRANSACTED;
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        checkOpen();
        return sessionMode;
    }

    @Override
    public void commit() throws JMSException {
        checkOpen();
        refuseInCompletionListener("commit");
        completions.awaitOutstanding();
        synchronized (modeLock) {
            mode.commit();
        }
    }

    @Override
    public void rollback() throws JMSException {
        checkOpen();
        refuseInCompletionListener("rollback");
        completions.awaitOutstanding();
        synchronized (modeLock) {
            mode.rollback();
        }
        wake();
    }

    @Override
    public void recover() throws JMSException {
        checkOpen();
        synchronized (modeLock) {
            mode.recover();
        }
        wake();
    }

    private void refuseInCompletionListener(String method) throws JMSException {
        if (ListenerThreads.inCompletionOf(this)) {
            throw JmsErrors.illegalState("a completion listener must not call " + method + "() on its own session");
        }
    }

    /** Hands a claimed message to the application, which may then acknowledge it through the message. */
    Message handOver(Delivery delivery) {
        H2mqMessage message = delivery.message();
        message.setAcknowledgeCallback(this::acknowledgeFromMessage);
        synchronized (modeLock) {
            mode.delivered(delivery);
        }
        return message;
    }

    /** Whether {@code receive()} may take a message consumed in the write that claims it. */
    boolean consumesOnReceive() {
        synchronized (modeLock) {
            return mode.consumesOnReceive();
        }
    }

    /** Nothing to deliver now: the session is about to wait. */
    void idle() throws JMSException {
        synchronized (modeLock) {
            mode.idle();
        }
    }

    void afterReceive(Delivery delivery) throws JMSException {
        synchronized (modeLock) {
            mode.afterReceive(delivery);
        }
    }

    /** receiveBody() could not return the body: in AUTO and DUPS_OK modes the message comes back. */
    void bodyRefused(Delivery delivery) throws JMSException {
        synchronized (modeLock) {
            mode.bodyRefused(delivery);
        }
    }

    void afterListener(Delivery delivery, boolean threw) throws JMSException {
        synchronized (modeLock) {
            mode.afterListener(delivery, threw);
        }
    }

    /** {@code JMSContext.acknowledge()}: what {@code Message.acknowledge()} does, without a message. */
    void acknowledgeAll() throws JMSException {
        acknowledgeFromMessage();
    }

    private void acknowledgeFromMessage() throws JMSException {
        if (closed) {
            throw JmsErrors.illegalState("cannot acknowledge a message of a closed session");
        }
        connection.checkOpen();
        synchronized (modeLock) {
            mode.acknowledge();
        }
    }

    // ---- sending -----------------------------------------------------------------------------------------------

    /** Stores a message the producer has stamped, or holds it for commit in a transacted session. */
    void send(H2mqDestination destination, H2mqMessage frozen, EncodedMessage encoded) throws JMSException {
        List<NewMessage.Target> targets = connection.broker().route(destination, frozen, encoded.size(),
                connection.id());
        synchronized (modeLock) {
            boolean persistent = frozen.getJMSDeliveryMode() != jakarta.jms.DeliveryMode.NON_PERSISTENT;
            NewMessage message = LargeBodies.toStore(encoded, targets);
            mode.send(persistent ? message : message.nonPersistent(), persistent);
        }
    }

    CompletionDispatcher completions() {
        return completions;
    }

    // ---- lifecycle ---------------------------------------------------------------------------------------------

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        if (ListenerThreads.inListenerOf(this)) {
            throw JmsErrors.illegalState("a message listener must not close its own session");
        }
        refuseInCompletionListener("close");
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        completions.awaitOutstanding();
        closed = true;
        listenerLoop.stop();
        completions.stop();
        JMSException first = null;
        for (ConsumerImpl consumer : consumers) {
            try {
                consumer.closeFromSession();
            } catch (JMSException e) {
                first = first == null ? e : first;
            }
        }
        browsers.forEach(BrowserImpl::closeFromSession);
        producers.forEach(ProducerImpl::closeFromSession);
        try {
            synchronized (modeLock) {
                mode.close();
            }
        } catch (JMSException e) {
            first = first == null ? e : first;
        }
        connection.sessionClosed(this);
        if (first != null) {
            throw first;
        }
    }

    // ---- session-level listener (application server facility) ---------------------------------------------------

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return serverSessionDeliveries.listener();
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        checkOpen();
        serverSessionDeliveries.setListener(listener);
    }

    @Override
    public void run() {
        serverSessionDeliveries.run();
    }

    ServerSessionDeliveries serverSessionDeliveries() {
        return serverSessionDeliveries;
    }

    // ---- producers and consumers -------------------------------------------------------------------------------

    @Override
    public MessageProducer createProducer(Destination destination) throws JMSException {
        checkOpen();
        ProducerImpl producer = new ProducerImpl(this, destination == null ? null : Destinations.of(destination));
        producers.add(producer);
        return producer;
    }

    void producerClosed(ProducerImpl producer) {
        producers.remove(producer);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination) throws JMSException {
        return createConsumer(destination, null, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector) throws JMSException {
        return createConsumer(destination, messageSelector, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal)
            throws JMSException {
        checkOpen();
        return register(ConsumerImpl.open(this, Destinations.requireOf(destination), messageSelector, noLocal));
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) throws JMSException {
        return createSharedConsumer(topic, sharedSubscriptionName, null);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector)
            throws JMSException {
        checkOpen();
        requireKind(Kind.QUEUE, "createSharedConsumer");
        return register(ConsumerImpl.openShared(this, Destinations.requireTopic(topic),
                Destinations.requireSubscriptionName(sharedSubscriptionName), messageSelector));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException {
        return createDurableSubscriber(topic, name, null, false);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        checkOpen();
        requireKind(Kind.QUEUE, "createDurableSubscriber");
        return register(ConsumerImpl.openDurable(this, Destinations.requireTopic(topic),
                Destinations.requireSubscriptionName(name), messageSelector, noLocal, false));
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name) throws JMSException {
        return createDurableConsumer(topic, name, null, false);
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        checkOpen();
        requireKind(Kind.QUEUE, "createDurableConsumer");
        return register(ConsumerImpl.openDurable(this, Destinations.requireTopic(topic),
                Destinations.requireSubscriptionName(name), messageSelector, noLocal, false));
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException {
        return createSharedDurableConsumer(topic, name, null);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector)
            throws JMSException {
        checkOpen();
        requireKind(Kind.QUEUE, "createSharedDurableConsumer");
        return register(ConsumerImpl.openDurable(this, Destinations.requireTopic(topic),
                Destinations.requireSubscriptionName(name), messageSelector, false, true));
    }

    private ConsumerImpl register(ConsumerImpl consumer) {
        consumers.add(consumer);
        return consumer;
    }

    void consumerClosed(ConsumerImpl consumer) {
        consumers.remove(consumer);
    }

    ListenerLoop listenerLoop() {
        return listenerLoop;
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        checkOpen();
        requireKind(Kind.QUEUE, "unsubscribe");
        java.util.Set<Long> pending;
        synchronized (modeLock) {
            pending = mode.pendingEndpoints();
        }
        connection.broker().subscriptions().unsubscribe(connection.getClientID(),
                Destinations.requireSubscriptionName(name), pending, connection.subscriptionGuard());
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) throws JMSException {
        return createBrowser(queue, null);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) throws JMSException {
        checkOpen();
        requireKind(Kind.TOPIC, "createBrowser");
        BrowserImpl browser = BrowserImpl.open(this, Destinations.requireQueue(queue), messageSelector);
        browsers.add(browser);
        return browser;
    }

    void browserClosed(BrowserImpl browser) {
        browsers.remove(browser);
    }

    // ---- destinations ------------------------------------------------------------------------------------------

    @Override
    public Queue createQueue(String queueName) throws JMSException {
        checkOpen();
        requireKind(Kind.TOPIC, "createQueue");
        return new H2mqQueue(Destinations.requireName(queueName, "queue"));
    }

    @Override
    public Topic createTopic(String topicName) throws JMSException {
        checkOpen();
        requireKind(Kind.QUEUE, "createTopic");
        return new H2mqTopic(Destinations.requireName(topicName, "topic"));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        checkOpen();
        requireKind(Kind.TOPIC, "createTemporaryQueue");
        H2mqTemporaryQueue queue = new H2mqTemporaryQueue(connection.broker().createTemporaryQueue(connection.id()),
                connection);
        connection.registerTemporary(queue);
        return queue;
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        checkOpen();
        requireKind(Kind.QUEUE, "createTemporaryTopic");
        H2mqTemporaryTopic topic = new H2mqTemporaryTopic(connection.broker().createTemporaryTopic(), connection);
        connection.registerTemporary(topic);
        return topic;
    }

    // ---- queue and topic session forms -------------------------------------------------------------------------

    @Override
    public QueueReceiver createReceiver(Queue queue) throws JMSException {
        return createReceiver(queue, null);
    }

    @Override
    public QueueReceiver createReceiver(Queue queue, String messageSelector) throws JMSException {
        checkOpen();
        return register(ConsumerImpl.open(this, Destinations.requireQueue(queue), messageSelector, false));
    }

    @Override
    public QueueSender createSender(Queue queue) throws JMSException {
        return (QueueSender) createProducer(queue);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic) throws JMSException {
        return createSubscriber(topic, null, false);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic, String messageSelector, boolean noLocal)
            throws JMSException {
        checkOpen();
        return register(ConsumerImpl.open(this, Destinations.requireTopic(topic), messageSelector, noLocal));
    }

    @Override
    public TopicPublisher createPublisher(Topic topic) throws JMSException {
        return (TopicPublisher) createProducer(topic);
    }

    @Override
    public String toString() {
        return "H2mqSession[mode=" + sessionMode + ", " + connection + "]";
    }
}
