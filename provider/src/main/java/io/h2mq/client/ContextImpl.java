package io.h2mq.client;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

import io.h2mq.engine.JmsErrors;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

/**
 * The simplified API: a connection and one session behind one object, every checked exception turned into its
 * runtime twin by {@link JmsRuntime}. The session is created on first need, so that {@code setClientID} may still be
 * called right after the context is created. Contexts made with {@link #createContext(int)} share the connection,
 * which closes with the last of them.
 *
 * <p>Like a session, a context is for one thread of control; only {@code close()} may come from another.
 */
class ContextImpl implements JMSContext {
    private final ConnectionImpl connection;
    private final AtomicInteger connectionUsers;
    private final int sessionMode;
    private final Object sessionLock = new Object();
    private SessionImpl session;
    private volatile boolean autoStart = true;
    private volatile boolean closed;

    ContextImpl(ConnectionImpl connection, int sessionMode, boolean firstOfConnection) {
        this(connection, sessionMode, new AtomicInteger(firstOfConnection ? 1 : 0));
    }

    private ContextImpl(ConnectionImpl connection, int sessionMode, AtomicInteger connectionUsers) {
        this.connection = connection;
        this.sessionMode = sessionMode;
        this.connectionUsers = connectionUsers;
    }

    static void checkSessionMode(int sessionMode) {
        if (sessionMode < SESSION_TRANSACTED || sessionMode > DUPS_OK_ACKNOWLEDGE) {
            throw new JMSRuntimeException("invalid session mode " + sessionMode + " (expected SESSION_TRANSACTED=0, "
                    + "AUTO_ACKNOWLEDGE=1, CLIENT_ACKNOWLEDGE=2 or DUPS_OK_ACKNOWLEDGE=3)");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw JmsRuntime.of(JmsErrors.closed("JMSContext"));
        }
    }

    SessionImpl session() {
        checkOpen();
        synchronized (sessionLock) {
            if (session == null) {
                session = openSession(connection);
            }
            return session;
        }
    }

    /** The session behind this context, made on first need. */
    protected SessionImpl openSession(ConnectionImpl connection) {
        return JmsRuntime.get(() -> connection.newSession(sessionMode, SessionImpl.Kind.GENERIC));
    }

    private void startIfAuto() {
        if (autoStart) {
            JmsRuntime.run(connection::start);
        }
    }

    @Override
    public JMSContext createContext(int mode) {
        checkOpen();
        checkSessionMode(mode);
        connectionUsers.incrementAndGet();
        return new ContextImpl(connection, mode, connectionUsers);
    }

    // ---- connection --------------------------------------------------------------------------------------------

    @Override
    public String getClientID() {
        checkOpen();
        return JmsRuntime.get(connection::getClientID);
    }

    @Override
    public void setClientID(String clientID) {
        checkOpen();
        JmsRuntime.run(() -> connection.setClientID(clientID));
    }

    @Override
    public ConnectionMetaData getMetaData() {
        checkOpen();
        return JmsRuntime.get(connection::getMetaData);
    }

    @Override
    public ExceptionListener getExceptionListener() {
        checkOpen();
        return JmsRuntime.get(connection::getExceptionListener);
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) {
        checkOpen();
        JmsRuntime.run(() -> connection.setExceptionListener(listener));
    }

    @Override
    public void start() {
        checkOpen();
        JmsRuntime.run(connection::start);
    }

    @Override
    public void stop() {
        checkOpen();
        JmsRuntime.run(connection::stop);
    }

    @Override
    public void setAutoStart(boolean autoStart) {
        checkOpen();
        this.autoStart = autoStart;
    }

    @Override
    public boolean getAutoStart() {
        checkOpen();
        return autoStart;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        SessionImpl current;
        synchronized (sessionLock) {
            current = session;
        }
        if (current != null && (ListenerThreads.inListenerOf(current) || ListenerThreads.inCompletionOf(current))) {
            throw JmsRuntime.of(JmsErrors.illegalState("a listener must not close its own JMSContext"));
        }
        if (ListenerThreads.inListenerOf(connection) || ListenerThreads.inCompletionOf(connection)) {
            throw JmsRuntime.of(JmsErrors.illegalState("a listener must not close its own JMSContext"));
        }
        if (current != null) {
            JmsRuntime.run(current::close);
        }
        closed = true;
        if (connectionUsers.decrementAndGet() <= 0) {
            JmsRuntime.run(connection::close);
        }
    }

    // ---- messages ----------------------------------------------------------------------------------------------

    @Override
    public BytesMessage createBytesMessage() {
        return JmsRuntime.get(() -> session().createBytesMessage());
    }

    @Override
    public MapMessage createMapMessage() {
        return JmsRuntime.get(() -> session().createMapMessage());
    }

    @Override
    public Message createMessage() {
        return JmsRuntime.get(() -> session().createMessage());
    }

    @Override
    public ObjectMessage createObjectMessage() {
        return JmsRuntime.get(() -> session().createObjectMessage());
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) {
        return JmsRuntime.get(() -> session().createObjectMessage(object));
    }

    @Override
    public StreamMessage createStreamMessage() {
        return JmsRuntime.get(() -> session().createStreamMessage());
    }

    @Override
    public TextMessage createTextMessage() {
        return JmsRuntime.get(() -> session().createTextMessage());
    }

    @Override
    public TextMessage createTextMessage(String text) {
        return JmsRuntime.get(() -> session().createTextMessage(text));
    }

    // ---- transactions ------------------------------------------------------------------------------------------

    @Override
    public boolean getTransacted() {
        checkOpen();
        return sessionMode == SESSION_TRANSACTED;
    }

    @Override
    public int getSessionMode() {
        checkOpen();
        return sessionMode;
    }

    @Override
    public void commit() {
        JmsRuntime.run(() -> session().commit());
    }

    @Override
    public void rollback() {
        JmsRuntime.run(() -> session().rollback());
    }

    @Override
    public void recover() {
        JmsRuntime.run(() -> session().recover());
    }

    @Override
    public void acknowledge() {
        checkOpen();
        SessionImpl s = session();
        JmsRuntime.run(s::acknowledgeAll);
    }

    // ---- producers and consumers -------------------------------------------------------------------------------

    @Override
    public JMSProducer createProducer() {
        checkOpen();
        return new JMSProducerImpl(this);
    }

    @Override
    public JMSConsumer createConsumer(Destination destination) {
        return createConsumer(destination, null, false);
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector) {
        return createConsumer(destination, messageSelector, false);
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal) {
        return consumer(JmsRuntime.get(() -> session().createConsumer(destination, messageSelector, noLocal)));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) {
        return createSharedConsumer(topic, sharedSubscriptionName, null);
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector) {
        return consumer(JmsRuntime.get(() -> session().createSharedConsumer(topic, sharedSubscriptionName,
                messageSelector)));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name) {
        return createDurableConsumer(topic, name, null, false);
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal) {
        return consumer(JmsRuntime.get(() -> session().createDurableConsumer(topic, name, messageSelector, noLocal)));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name) {
        return createSharedDurableConsumer(topic, name, null);
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector) {
        return consumer(JmsRuntime.get(() -> session().createSharedDurableConsumer(topic, name, messageSelector)));
    }

    private JMSConsumer consumer(jakarta.jms.MessageConsumer consumer) {
        JMSConsumer wrapped = new JMSConsumerImpl((ConsumerImpl) consumer);
        startIfAuto();
        return wrapped;
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) {
        return JmsRuntime.get(() -> session().createBrowser(queue));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) {
        return JmsRuntime.get(() -> session().createBrowser(queue, messageSelector));
    }

    @Override
    public Queue createQueue(String queueName) {
        return JmsRuntime.get(() -> session().createQueue(queueName));
    }

    @Override
    public Topic createTopic(String topicName) {
        return JmsRuntime.get(() -> session().createTopic(topicName));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() {
        return JmsRuntime.get(() -> session().createTemporaryQueue());
    }

    @Override
    public TemporaryTopic createTemporaryTopic() {
        return JmsRuntime.get(() -> session().createTemporaryTopic());
    }

    @Override
    public void unsubscribe(String name) {
        JmsRuntime.run(() -> session().unsubscribe(name));
    }

    @Override
    public String toString() {
        return "H2mqContext[mode=" + sessionMode + ", " + connection + "]";
    }
}
