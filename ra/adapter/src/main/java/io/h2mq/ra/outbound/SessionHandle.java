package io.h2mq.ra.outbound;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
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
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.XASession;

/**
 * The session of a {@link ConnectionHandle}: the pooled connection's one XA session, seen through the container's
 * rules. Inside a transaction it is transacted and the transaction, not the application, commits it; outside one it
 * acknowledges automatically. Producers, consumers, browsers and temporary destinations made through it are closed
 * (deleted) with it, so nothing the application forgot outlives its use of the pooled connection.
 *
 * <p>A session is for one thread of control, as in the Messaging spec; {@code close()} may come from another.
 */
final class SessionHandle implements QueueSession, TopicSession {
    private final ConnectionHandle connection;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final List<Destination> temporaries = new ArrayList<>();
    private volatile boolean closed;

    SessionHandle(ConnectionHandle connection) {
        this.connection = connection;
    }

    boolean isClosed() {
        return closed;
    }

    private XASession physical() throws JMSException {
        if (closed) {
            throw ContainerRules.closed("session");
        }
        return connection.managed().session();
    }

    private boolean inTransaction() throws JMSException {
        return connection.managed().inTransaction();
    }

    private synchronized <T extends AutoCloseable> T track(T object) {
        opened.add(object);
        return object;
    }

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        return physical().createBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        return physical().createMapMessage();
    }

    @Override
    public Message createMessage() throws JMSException {
        return physical().createMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        return physical().createObjectMessage();
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) throws JMSException {
        return physical().createObjectMessage(object);
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        return physical().createStreamMessage();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        return physical().createTextMessage();
    }

    @Override
    public TextMessage createTextMessage(String text) throws JMSException {
        return physical().createTextMessage(text);
    }

    @Override
    public boolean getTransacted() throws JMSException {
        physical();
        return inTransaction();
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        physical();
        return inTransaction() ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE;
    }

    @Override
    public void commit() throws JMSException {
        physical();
        if (inTransaction()) {
            throw new TransactionInProgressException("Session.commit is not allowed inside a transaction the "
                    + "application server manages: the transaction commits the session's work");
        }
        throw new jakarta.jms.IllegalStateException("Session.commit on a session that is not transacted (outside a "
                + "transaction, a session from an application server acknowledges automatically)");
    }

    @Override
    public void rollback() throws JMSException {
        physical();
        if (inTransaction()) {
            throw new TransactionInProgressException("Session.rollback is not allowed inside a transaction the "
                    + "application server manages: mark the transaction for rollback instead");
        }
        throw new jakarta.jms.IllegalStateException("Session.rollback on a session that is not transacted");
    }

    @Override
    public void recover() throws JMSException {
        physical();
        if (inTransaction()) {
            throw new jakarta.jms.IllegalStateException("Session.recover is not allowed inside a transaction");
        }
        connection.managed().session().recover();
    }

    @Override
    public MessageListener getMessageListener() throws JMSException {
        physical();
        throw ContainerRules.forbidden("Session.getMessageListener");
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        physical();
        throw ContainerRules.forbidden("Session.setMessageListener");
    }

    @Override
    public void run() {
        throw ContainerRules.forbiddenRuntime("Session.run");
    }

    @Override
    public MessageProducer createProducer(Destination destination) throws JMSException {
        return track(new ProducerHandle(this, physical().createProducer(destination)));
    }

    @Override
    public QueueSender createSender(Queue queue) throws JMSException {
        return track(new ProducerHandle(this, physical().createProducer(queue)));
    }

    @Override
    public TopicPublisher createPublisher(Topic topic) throws JMSException {
        return track(new ProducerHandle(this, physical().createProducer(topic)));
    }

    @Override
    public MessageConsumer createConsumer(Destination destination) throws JMSException {
        return track(new ConsumerHandle(this, physical().createConsumer(destination)));
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector) throws JMSException {
        return track(new ConsumerHandle(this, physical().createConsumer(destination, messageSelector)));
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal)
            throws JMSException {
        return track(new ConsumerHandle(this, physical().createConsumer(destination, messageSelector, noLocal)));
    }

    @Override
    public QueueReceiver createReceiver(Queue queue) throws JMSException {
        return track(new ConsumerHandle(this, physical().createConsumer(queue)));
    }

    @Override
    public QueueReceiver createReceiver(Queue queue, String messageSelector) throws JMSException {
        return track(new ConsumerHandle(this, physical().createConsumer(queue, messageSelector)));
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic) throws JMSException {
        return track(new ConsumerHandle(this, physical().createConsumer(topic)));
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic, String messageSelector, boolean noLocal)
            throws JMSException {
        return track(new ConsumerHandle(this, physical().createConsumer(topic, messageSelector, noLocal)));
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) throws JMSException {
        return track(new ConsumerHandle(this, physical().createSharedConsumer(topic, sharedSubscriptionName)));
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector)
            throws JMSException {
        return track(new ConsumerHandle(this,
                physical().createSharedConsumer(topic, sharedSubscriptionName, messageSelector)));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException {
        return track(new ConsumerHandle(this, physical().createDurableSubscriber(topic, name)));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        return track(new ConsumerHandle(this,
                physical().createDurableSubscriber(topic, name, messageSelector, noLocal)));
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name) throws JMSException {
        return track(new ConsumerHandle(this, physical().createDurableConsumer(topic, name)));
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        return track(new ConsumerHandle(this,
                physical().createDurableConsumer(topic, name, messageSelector, noLocal)));
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException {
        return track(new ConsumerHandle(this, physical().createSharedDurableConsumer(topic, name)));
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector)
            throws JMSException {
        return track(new ConsumerHandle(this, physical().createSharedDurableConsumer(topic, name, messageSelector)));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) throws JMSException {
        return track(physical().createBrowser(queue));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) throws JMSException {
        return track(physical().createBrowser(queue, messageSelector));
    }

    @Override
    public Queue createQueue(String queueName) throws JMSException {
        return physical().createQueue(queueName);
    }

    @Override
    public Topic createTopic(String topicName) throws JMSException {
        return physical().createTopic(topicName);
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        TemporaryQueue queue = physical().createTemporaryQueue();
        synchronized (this) {
            temporaries.add(queue);
        }
        return queue;
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        TemporaryTopic topic = physical().createTemporaryTopic();
        synchronized (this) {
            temporaries.add(topic);
        }
        return topic;
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        physical().unsubscribe(name);
    }

    synchronized void forget(AutoCloseable object) {
        opened.remove(object);
    }

    /**
     * Closes what the application opened through this session and deletes its temporary destinations, which
     * otherwise would live as long as the pooled connection. The physical session stays open for the next user.
     */
    @Override
    public void close() throws JMSException {
        List<AutoCloseable> toClose;
        List<Destination> toDelete;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(opened);
            toDelete = new ArrayList<>(temporaries);
            opened.clear();
            temporaries.clear();
        }
        JMSException failure = null;
        for (AutoCloseable object : toClose) {
            failure = closeCollecting(object, failure);
        }
        for (Destination temporary : toDelete) {
            failure = closeCollecting(() -> delete(temporary), failure);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void delete(Destination temporary) throws JMSException {
        try {
            if (temporary instanceof TemporaryQueue q) {
                q.delete();
            } else if (temporary instanceof TemporaryTopic t) {
                t.delete();
            }
        } catch (jakarta.jms.IllegalStateException e) {
            // Still in use by a consumer of another connection: it goes when the pooled connection closes.
            System.getLogger(SessionHandle.class.getName()).log(System.Logger.Level.DEBUG,
                    "h2mq temporary destination " + temporary + " kept: " + e.getMessage());
        }
    }

    private static JMSException closeCollecting(AutoCloseable object, JMSException failure) {
        try {
            object.close();
            return failure;
        } catch (Exception e) {
            JMSException j = e instanceof JMSException jms ? jms : withCause(e);
            if (failure == null) {
                return j;
            }
            failure.addSuppressed(j);
            return failure;
        }
    }

    private static JMSException withCause(Exception e) {
        JMSException j = new JMSException("h2mq could not close " + e.getMessage());
        j.setLinkedException(e);
        j.initCause(e);
        return j;
    }
}
