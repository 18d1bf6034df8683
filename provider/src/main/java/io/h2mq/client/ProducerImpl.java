package io.h2mq.client;

import io.h2mq.H2mqDestination;
import io.h2mq.engine.JmsErrors;
import io.h2mq.message.EncodedMessage;
import io.h2mq.message.H2mqMessage;
import io.h2mq.message.MessageCodec;
import io.h2mq.security.Permission;

import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueSender;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;

/**
 * A producer: its defaults (delivery mode, priority, time to live, delivery delay) and the stamping of the headers
 * the provider sets on send. The message is frozen to bytes at send, so the application may change or resend its
 * object at once; the headers are set on the application's object too, foreign messages included, as the spec
 * requires. A large bytes or stream body is not copied: the frozen message shares its blocks, which never change.
 */
final class ProducerImpl implements MessageProducer, QueueSender, TopicPublisher {
    private final SessionImpl session;
    private final H2mqDestination destination;
    private volatile boolean closed;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;
    private boolean disableMessageID;
    private boolean disableMessageTimestamp;

    ProducerImpl(SessionImpl session, H2mqDestination destination) {
        this.session = session;
        this.destination = destination;
    }

    private void checkOpen() throws JMSException {
        if (closed) {
            throw JmsErrors.closed("message producer" + (destination == null ? "" : " on " + destination));
        }
        session.checkOpen();
    }

    // ---- defaults ----------------------------------------------------------------------------------------------

    @Override
    public void setDisableMessageID(boolean value) throws JMSException {
        checkOpen();
        disableMessageID = value;
    }

    @Override
    public boolean getDisableMessageID() throws JMSException {
        checkOpen();
        return disableMessageID;
    }

    @Override
    public void setDisableMessageTimestamp(boolean value) throws JMSException {
        checkOpen();
        disableMessageTimestamp = value;
    }

    @Override
    public boolean getDisableMessageTimestamp() throws JMSException {
        checkOpen();
        return disableMessageTimestamp;
    }

    @Override
    public void setDeliveryMode(int deliveryMode) throws JMSException {
        checkOpen();
        this.deliveryMode = validDeliveryMode(deliveryMode);
    }

    @Override
    public int getDeliveryMode() throws JMSException {
        checkOpen();
        return deliveryMode;
    }

    @Override
    public void setPriority(int defaultPriority) throws JMSException {
        checkOpen();
        this.priority = validPriority(defaultPriority);
    }

    @Override
    public int getPriority() throws JMSException {
        checkOpen();
        return priority;
    }

    @Override
    public void setTimeToLive(long timeToLive) throws JMSException {
        checkOpen();
        this.timeToLive = timeToLive;
    }

    @Override
    public long getTimeToLive() throws JMSException {
        checkOpen();
        return timeToLive;
    }

    @Override
    public void setDeliveryDelay(long deliveryDelay) throws JMSException {
        checkOpen();
        if (deliveryDelay < 0) {
            throw new JMSException("delivery delay must not be negative, got " + deliveryDelay);
        }
        this.deliveryDelay = deliveryDelay;
    }

    @Override
    public long getDeliveryDelay() throws JMSException {
        checkOpen();
        return deliveryDelay;
    }

    @Override
    public Destination getDestination() throws JMSException {
        checkOpen();
        return destination;
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

    static int validDeliveryMode(int mode) throws JMSException {
        if (mode != DeliveryMode.PERSISTENT && mode != DeliveryMode.NON_PERSISTENT) {
            throw new JMSException("invalid delivery mode " + mode + " (expected PERSISTENT=2 or NON_PERSISTENT=1)");
        }
        return mode;
    }

    static int validPriority(int priority) throws JMSException {
        if (priority < 0 || priority > 9) {
            throw new JMSException("invalid priority " + priority + " (expected 0 to 9)");
        }
        return priority;
    }

    // ---- sending -----------------------------------------------------------------------------------------------

    @Override
    public void send(Message message) throws JMSException {
        send(message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(Message message, int mode, int prio, long ttl) throws JMSException {
        checkOpen();
        doSend(identified(), message, mode, prio, ttl, null);
    }

    @Override
    public void send(Destination to, Message message) throws JMSException {
        send(to, message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(Destination to, Message message, int mode, int prio, long ttl) throws JMSException {
        checkOpen();
        doSend(unidentified(to), message, mode, prio, ttl, null);
    }

    @Override
    public void send(Message message, CompletionListener listener) throws JMSException {
        send(message, deliveryMode, priority, timeToLive, listener);
    }

    @Override
    public void send(Message message, int mode, int prio, long ttl, CompletionListener listener)
            throws JMSException {
        checkOpen();
        doSend(identified(), message, mode, prio, ttl, requireListener(listener));
    }

    @Override
    public void send(Destination to, Message message, CompletionListener listener) throws JMSException {
        send(to, message, deliveryMode, priority, timeToLive, listener);
    }

    @Override
    public void send(Destination to, Message message, int mode, int prio, long ttl, CompletionListener listener)
            throws JMSException {
        checkOpen();
        doSend(unidentified(to), message, mode, prio, ttl, requireListener(listener));
    }

    @Override
    public void send(Queue queue, Message message) throws JMSException {
        send((Destination) queue, message);
    }

    @Override
    public void send(Queue queue, Message message, int mode, int prio, long ttl) throws JMSException {
        send((Destination) queue, message, mode, prio, ttl);
    }

    @Override
    public void publish(Message message) throws JMSException {
        send(message);
    }

    @Override
    public void publish(Message message, int mode, int prio, long ttl) throws JMSException {
        send(message, mode, prio, ttl);
    }

    @Override
    public void publish(Topic topic, Message message) throws JMSException {
        send(topic, message);
    }

    @Override
    public void publish(Topic topic, Message message, int mode, int prio, long ttl) throws JMSException {
        send(topic, message, mode, prio, ttl);
    }

    private H2mqDestination identified() throws JMSException {
        if (destination == null) {
            throw new UnsupportedOperationException("this producer was created without a destination: "
                    + "name one in send()");
        }
        return destination;
    }

    private H2mqDestination unidentified(Destination to) throws JMSException {
        if (destination != null) {
            throw new UnsupportedOperationException("this producer sends to " + destination
                    + ": it cannot send to another destination");
        }
        if (to == null) {
            throw new InvalidDestinationException("destination must not be null");
        }
        return Destinations.of(to);
    }

    private static CompletionListener requireListener(CompletionListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("completion listener must not be null");
        }
        return listener;
    }

    private void doSend(H2mqDestination to, Message message, int mode, int prio, long ttl,
                        CompletionListener listener) throws JMSException {
        if (message == null) {
            throw new MessageFormatException("message must not be null");
        }
        session.connection().check(Permission.SEND, to);
        validDeliveryMode(mode);
        validPriority(prio);
        long now = session.connection().broker().clock().millis();
        message.setJMSDestination(to);
        message.setJMSDeliveryMode(mode);
        message.setJMSPriority(prio);
        message.setJMSTimestamp(disableMessageTimestamp ? 0 : now);
        message.setJMSExpiration(ttl > 0 ? now + ttl : 0);
        message.setJMSDeliveryTime(now + deliveryDelay);
        message.setJMSMessageID(disableMessageID ? null : session.connection().nextMessageId());
        H2mqMessage frozen = H2mqMessage.copyOf(message);
        EncodedMessage encoded = MessageCodec.encode(frozen);
        if (listener == null) {
            session.send(to, frozen, encoded);
        } else {
            session.completions().send(() -> session.send(to, frozen, encoded), message, listener);
        }
    }

    // ---- lifecycle ---------------------------------------------------------------------------------------------

    @Override
    public void close() throws JMSException {
        if (ListenerThreads.inCompletionOf(session)) {
            throw JmsErrors.illegalState("a completion listener must not close its own producer");
        }
        if (closed) {
            return;
        }
        session.completions().awaitOutstanding();
        closed = true;
        session.producerClosed(this);
    }

    void closeFromSession() {
        closed = true;
    }

    @Override
    public String toString() {
        return "H2mqProducer[" + (destination == null ? "unidentified" : destination) + "]";
    }
}
