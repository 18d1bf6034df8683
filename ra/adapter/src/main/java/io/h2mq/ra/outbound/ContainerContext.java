package io.h2mq.ra.outbound;

import java.io.Serializable;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

/**
 * A {@code JMSContext} from an application server's h2mq connection factory, including the one the server injects
 * for {@code @Inject JMSContext}: a pooled {@link ConnectionHandle} and its one {@link SessionHandle}, with the
 * container's rules (no client ID, exception listener, stop, message listeners or asynchronous sends; the transaction,
 * not the application, commits). Closing it returns the connection to the pool.
 *
 * <p>For one thread of control, like the session behind it.
 */
final class ContainerContext implements JMSContext {
    @FunctionalInterface
    interface ConnectionSource {
        ConnectionHandle open() throws JMSException;
    }

    private final ConnectionHandle connection;
    private final SessionHandle session;
    private MessageProducer anonymousProducer;
    private boolean autoStart = true;
    private boolean closed;

    private ContainerContext(ConnectionHandle connection, SessionHandle session) {
        this.connection = connection;
        this.session = session;
    }

    static ContainerContext open(ConnectionSource source) {
        ConnectionHandle connection = RuntimeExceptions.get(source::open);
        try {
            return new ContainerContext(connection, (SessionHandle) connection.createSession());
        } catch (JMSException e) {
            JMSRuntimeException r = RuntimeExceptions.of(e);
            try {
                connection.close();
            } catch (JMSException closing) {
                r.addSuppressed(closing);
            }
            throw r;
        }
    }

    static void checkSessionMode(int sessionMode) {
        if (sessionMode < SESSION_TRANSACTED || sessionMode > DUPS_OK_ACKNOWLEDGE) {
            throw new JMSRuntimeException("invalid session mode " + sessionMode + " (expected SESSION_TRANSACTED=0, "
                    + "AUTO_ACKNOWLEDGE=1, CLIENT_ACKNOWLEDGE=2 or DUPS_OK_ACKNOWLEDGE=3)");
        }
    }

    SessionHandle session() {
        if (closed) {
            throw RuntimeExceptions.of(ContainerRules.closed("JMSContext"));
        }
        return session;
    }

    MessageProducer anonymousProducer() throws JMSException {
        if (anonymousProducer == null) {
            anonymousProducer = session().createProducer(null);
        }
        return anonymousProducer;
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        session();
        throw RuntimeExceptions.of(ContainerRules.secondSession());
    }

    @Override
    public JMSProducer createProducer() {
        session();
        return new ContainerProducer(this);
    }

    @Override
    public String getClientID() {
        session();
        return RuntimeExceptions.get(connection::getClientID);
    }

    @Override
    public void setClientID(String clientID) {
        session();
        throw ContainerRules.forbiddenRuntime("JMSContext.setClientID");
    }

    @Override
    public ConnectionMetaData getMetaData() {
        session();
        return RuntimeExceptions.get(connection::getMetaData);
    }

    @Override
    public ExceptionListener getExceptionListener() {
        session();
        return null;
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) {
        session();
        throw ContainerRules.forbiddenRuntime("JMSContext.setExceptionListener");
    }

    @Override
    public void start() {
        session();
        RuntimeExceptions.run(connection::start);
    }

    @Override
    public void stop() {
        session();
        throw ContainerRules.forbiddenRuntime("JMSContext.stop");
    }

    @Override
    public void setAutoStart(boolean autoStart) {
        session();
        this.autoStart = autoStart;
    }

    @Override
    public boolean getAutoStart() {
        session();
        return autoStart;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeExceptions.run(connection::close);
    }

    @Override
    public BytesMessage createBytesMessage() {
        return RuntimeExceptions.get(() -> session().createBytesMessage());
    }

    @Override
    public MapMessage createMapMessage() {
        return RuntimeExceptions.get(() -> session().createMapMessage());
    }

    @Override
    public Message createMessage() {
        return RuntimeExceptions.get(() -> session().createMessage());
    }

    @Override
    public ObjectMessage createObjectMessage() {
        return RuntimeExceptions.get(() -> session().createObjectMessage());
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) {
        return RuntimeExceptions.get(() -> session().createObjectMessage(object));
    }

    @Override
    public StreamMessage createStreamMessage() {
        return RuntimeExceptions.get(() -> session().createStreamMessage());
    }

    @Override
    public TextMessage createTextMessage() {
        return RuntimeExceptions.get(() -> session().createTextMessage());
    }

    @Override
    public TextMessage createTextMessage(String text) {
        return RuntimeExceptions.get(() -> session().createTextMessage(text));
    }

    @Override
    public boolean getTransacted() {
        return RuntimeExceptions.get(() -> session().getTransacted());
    }

    @Override
    public int getSessionMode() {
        return RuntimeExceptions.get(() -> session().getAcknowledgeMode());
    }

    @Override
    public void commit() {
        RuntimeExceptions.run(() -> session().commit());
    }

    @Override
    public void rollback() {
        RuntimeExceptions.run(() -> session().rollback());
    }

    @Override
    public void recover() {
        RuntimeExceptions.run(() -> session().recover());
    }

    /** The session acknowledges automatically or belongs to a transaction: there is never anything to acknowledge. */
    @Override
    public void acknowledge() {
        session();
    }

    private JMSConsumer consumer(JmsConsumerFactory factory) {
        return RuntimeExceptions.get(() -> {
            ConsumerHandle consumer = (ConsumerHandle) factory.create(session());
            if (autoStart) {
                connection.start();
            }
            return new ContainerConsumer(consumer);
        });
    }

    @FunctionalInterface
    private interface JmsConsumerFactory {
        Object create(SessionHandle session) throws JMSException;
    }

    @Override
    public JMSConsumer createConsumer(Destination destination) {
        return consumer(s -> s.createConsumer(destination));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector) {
        return consumer(s -> s.createConsumer(destination, messageSelector));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal) {
        return consumer(s -> s.createConsumer(destination, messageSelector, noLocal));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name) {
        return consumer(s -> s.createDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal) {
        return consumer(s -> s.createDurableConsumer(topic, name, messageSelector, noLocal));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name) {
        return consumer(s -> s.createSharedDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector) {
        return consumer(s -> s.createSharedDurableConsumer(topic, name, messageSelector));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) {
        return consumer(s -> s.createSharedConsumer(topic, sharedSubscriptionName));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector) {
        return consumer(s -> s.createSharedConsumer(topic, sharedSubscriptionName, messageSelector));
    }

    @Override
    public Queue createQueue(String queueName) {
        return RuntimeExceptions.get(() -> session().createQueue(queueName));
    }

    @Override
    public Topic createTopic(String topicName) {
        return RuntimeExceptions.get(() -> session().createTopic(topicName));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) {
        return RuntimeExceptions.get(() -> session().createBrowser(queue));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) {
        return RuntimeExceptions.get(() -> session().createBrowser(queue, messageSelector));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() {
        return RuntimeExceptions.get(() -> session().createTemporaryQueue());
    }

    @Override
    public TemporaryTopic createTemporaryTopic() {
        return RuntimeExceptions.get(() -> session().createTemporaryTopic());
    }

    @Override
    public void unsubscribe(String name) {
        RuntimeExceptions.run(() -> session().unsubscribe(name));
    }
}
