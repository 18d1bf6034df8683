package io.h2mq.client;

import io.h2mq.H2mqMessageConsumer;

import io.h2mq.H2mqDestination;
import io.h2mq.H2mqTemporaryQueue;
import io.h2mq.H2mqTemporaryTopic;
import io.h2mq.engine.Broker;
import io.h2mq.engine.Delivery;
import io.h2mq.engine.EndpointReader;
import io.h2mq.engine.JmsErrors;
import io.h2mq.engine.Signal;
import io.h2mq.security.Permission;
import io.h2mq.selector.MessageSelector;
import io.h2mq.store.EndpointRecord;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;

/**
 * A consumer of one endpoint: a queue, or the subscription it opened on a topic. It claims nothing until asked —
 * by {@code receive} on a started connection, or by its session's {@link ListenerLoop} — so an idle consumer never
 * takes messages away from the others.
 *
 * <p>Wakes: the endpoint's signal (new messages), the connection starting, and close all fire {@link #wake()}, on
 * which a blocked {@code receive} waits.
 */
final class ConsumerImpl implements H2mqMessageConsumer, QueueReceiver, TopicSubscriber {
    private final SessionImpl session;
    private final H2mqDestination destination;
    private final String selectorText;
    private final boolean noLocal;
    private final EndpointReader reader;
    private final CloseAction onClose;
    private final Signal wake = new Signal();
    private final Runnable endpointWake;
    private volatile MessageListener listener;
    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean closed;

    private ConsumerImpl(SessionImpl session, H2mqDestination destination, String selectorText, boolean noLocal,
                         EndpointReader reader, CloseAction onClose) {
        this.session = session;
        this.destination = destination;
        this.selectorText = selectorText;
        this.noLocal = noLocal;
        this.reader = reader;
        this.onClose = onClose;
        Signal sessionWake = session.wakeSignal();
        this.endpointWake = () -> {
            wake.fire();
            sessionWake.fire();
        };
        reader.signal().addListener(endpointWake);
    }

    /** A consumer of a queue, or of a new non-durable subscription of a topic. */
    static ConsumerImpl open(SessionImpl session, H2mqDestination destination, String selector, boolean noLocal)
            throws JMSException {
        MessageSelector compiled = MessageSelector.compile(selector);
        checkTemporaryOwner(session, destination);
        session.connection().check(Permission.CONSUME, destination);
        Broker broker = session.connection().broker();
        if (destination.isQueue()) {
            long queueId = broker.queueEndpoint(destination);
            broker.subscriptions().openQueueConsumer(queueId);
            return new ConsumerImpl(session, destination, selector, noLocal, broker.reader(queueId, compiled, session.connection().prefetch()),
                    () -> broker.subscriptions().queueConsumerClosed(queueId));
        }
        EndpointRecord subscription = broker.subscriptions().openNonDurable(destination.name(), selector, noLocal,
                session.connection().id());
        return onSubscription(session, destination, selector, noLocal, compiled, subscription);
    }

    static ConsumerImpl openDurable(SessionImpl session, H2mqDestination topic, String name, String selector,
                                    boolean noLocal, boolean shared) throws JMSException {
        MessageSelector compiled = MessageSelector.compile(selector);
        String clientId = session.connection().getClientID();
        if (!shared && clientId == null) {
            throw JmsErrors.illegalState("an unshared durable subscription ('" + name + "') needs a client ID: set "
                    + "one on the connection or its factory");
        }
        session.connection().check(Permission.CONSUME, topic);
        EndpointRecord subscription = session.connection().broker().subscriptions().openDurable(clientId, name,
                topic.name(), selector, noLocal, shared, session.connection().id(),
                session.connection().subscriptionGuard());
        return onSubscription(session, topic, selector, noLocal, compiled, subscription);
    }

    static ConsumerImpl openShared(SessionImpl session, H2mqDestination topic, String name, String selector)
            throws JMSException {
        MessageSelector compiled = MessageSelector.compile(selector);
        session.connection().check(Permission.CONSUME, topic);
        EndpointRecord subscription = session.connection().broker().subscriptions().openSharedNonDurable(
                session.connection().getClientID(), name, topic.name(), selector);
        return onSubscription(session, topic, selector, false, compiled, subscription);
    }

    private static ConsumerImpl onSubscription(SessionImpl session, H2mqDestination topic, String selector,
                                               boolean noLocal, MessageSelector compiled,
                                               EndpointRecord subscription) {
        Broker broker = session.connection().broker();
        // A subscription's selector was applied when messages were routed to it; reading needs no second check.
        return new ConsumerImpl(session, topic, selector, noLocal, broker.reader(subscription.id(),
                MessageSelector.ALL, session.connection().prefetch()), () -> broker.subscriptions().consumerClosed(subscription));
    }

    /** What ends with the consumer: its share of a queue, or its subscription. */
    @FunctionalInterface
    private interface CloseAction {
        void run() throws JMSException;
    }

    private static void checkTemporaryOwner(SessionImpl session, H2mqDestination destination)
            throws JMSException {
        boolean temporary = destination instanceof H2mqTemporaryQueue || destination instanceof H2mqTemporaryTopic;
        if (temporary && !session.connection().owns(destination)) {
            throw new InvalidDestinationException("cannot consume from " + destination + ": a temporary destination "
                    + "can only be consumed by the connection that created it");
        }
    }

    void wake() {
        wake.fire();
    }

    private void checkOpen() throws JMSException {
        if (closed) {
            throw JmsErrors.closed("message consumer on " + destination);
        }
        session.checkOpen();
    }

    // ---- synchronous receive -----------------------------------------------------------------------------------

    @Override
    public Message receive() throws JMSException {
        return receive(Long.MAX_VALUE, false);
    }

    @Override
    public Message receive(long timeout) throws JMSException {
        return timeout <= 0 ? receive() : receive(timeout, false);
    }

    @Override
    public Message receiveNoWait() throws JMSException {
        return receive(0, true);
    }

    /**
     * Receives a message and returns its body. A body that cannot be assigned to {@code type} raises
     * MessageFormatException; in AUTO and DUPS_OK modes the message is then not acknowledged but delivered again.
     */
    @Override
    public <T> T receiveBody(Class<T> type, long timeoutMillis, boolean noWait) throws JMSException {
        Message message = receive(timeoutMillis <= 0 && !noWait ? Long.MAX_VALUE : timeoutMillis, noWait, type);
        return message == null ? null : message.getBody(type);
    }

    private Message receive(long timeoutMillis, boolean noWait) throws JMSException {
        return receive(timeoutMillis, noWait, null);
    }

    private Message receive(long timeoutMillis, boolean noWait, Class<?> bodyType) throws JMSException {
        checkOpen();
        if (listener != null) {
            throw JmsErrors.illegalState("receive() is not allowed on a consumer that has a message listener");
        }
        long deadline = noWait || timeoutMillis == Long.MAX_VALUE ? Long.MAX_VALUE
                : System.nanoTime() + timeoutMillis * 1_000_000L;
        DeliveryGate gate = session.connection().gate();
        if (noWait) {
            // NON_PERSISTENT sends are written without waiting: one made before this call is in the store first.
            session.connection().broker().awaitWrites();
        }
        while (!closed && !session.isClosed()) {
            long seen = wake.version();
            if (gate.enter()) {
                try {
                    Delivery delivery = bodyType == null && session.consumesOnReceive() ? reader.pollToConsume()
                            : reader.poll();
                    if (delivery != null) {
                        Message message = session.handOver(delivery);
                        if (bodyType != null && !message.isBodyAssignableTo(bodyType)) {
                            session.bodyRefused(delivery);
                            throw new MessageFormatException("the body of message " + message.getJMSMessageID()
                                    + " cannot be assigned to " + bodyType.getName());
                        }
                        session.afterReceive(delivery);
                        return message;
                    }
                } finally {
                    gate.exit();
                }
            }
            session.idle();
            if (noWait || !awaitWake(seen, deadline)) {
                return null;
            }
        }
        return null;
    }

    private boolean awaitWake(long seen, long deadline) throws JMSException {
        try {
            return wake.awaitChange(seen, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JmsErrors.withCause(new JMSException("interrupted while receiving from " + destination), e);
        }
    }

    /** Claims the next message for the listener loop; the caller holds the delivery gate. */
    Delivery pollForListener() throws JMSException {
        return closed ? null : reader.poll();
    }

    // ---- asynchronous delivery ---------------------------------------------------------------------------------

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return listener;
    }

    @Override
    public void setMessageListener(MessageListener messageListener) throws JMSException {
        checkOpen();
        this.listener = messageListener;
        session.listenerLoop().listenersChanged();
    }

    MessageListener listener() {
        return listener;
    }

    // ---- lifecycle ---------------------------------------------------------------------------------------------

    @Override
    public void close() throws JMSException {
        closeFromSession();
        session.consumerClosed(this);
    }

    /** Closes once, whichever thread (the application, the session, the connection) gets here first. */
    void closeFromSession() throws JMSException {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closed = true;
        reader.signal().removeListener(endpointWake);
        wake.fire();
        session.listenerLoop().awaitNotDelivering(this);
        try {
            reader.close();
        } finally {
            onClose.run();
        }
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return selectorText;
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return (Queue) destination;
    }

    @Override
    public Topic getTopic() throws JMSException {
        checkOpen();
        return (Topic) destination;
    }

    @Override
    public boolean getNoLocal() throws JMSException {
        checkOpen();
        return noLocal;
    }

    @Override
    public String toString() {
        return "H2mqConsumer[" + destination + (selectorText == null ? "" : ", selector=" + selectorText) + "]";
    }
}
