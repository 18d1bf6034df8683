package io.h2mq.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.h2mq.H2mqConnectionFactory;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;

/**
 * Every method of a closed Connection, Session, MessageProducer, MessageConsumer and QueueBrowser throws
 * IllegalStateException, except close(), which does nothing (Connection.close and Session.close javadoc: "Once a
 * connection has been closed, an attempt to use it or its sessions or their message consumers and producers must
 * throw an IllegalStateException"; closing a closed object must not throw). The table is every public method of each
 * interface, so a method added to the API cannot be forgotten. Each object is closed directly and through each of its
 * parents.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
class ClosedObjectsTest {
    H2mqConnectionFactory factory;
    /** Keeps the engine up between cases and makes messages and destinations for the arguments. */
    Connection anchor;
    Session anchorSession;
    Queue queue;
    Topic topic;
    Message message;

    @BeforeAll
    void openAnchor(@TempDir Path dir) throws JMSException {
        factory = StoreFixture.factory(dir);
        anchor = factory.createConnection();
        anchorSession = anchor.createSession();
        queue = anchorSession.createQueue("closed");
        topic = anchorSession.createTopic("closed.topic");
        message = anchorSession.createTextMessage("body");
    }

    @AfterAll
    void closeAnchor() throws JMSException {
        anchor.close();
    }

    /** What gets closed: the object itself or one of its parents. */
    enum ClosedBy { ITSELF, SESSION, CONNECTION }

    /** A kind of object, the interfaces whose methods it must refuse, and the parents that can close it. */
    enum Kind {
        CONNECTION(List.of(Connection.class, QueueConnection.class, TopicConnection.class), ClosedBy.ITSELF),
        SESSION(List.of(Session.class, QueueSession.class, TopicSession.class), ClosedBy.ITSELF, ClosedBy.CONNECTION),
        PRODUCER(List.of(MessageProducer.class, QueueSender.class, TopicPublisher.class), ClosedBy.values()),
        CONSUMER(List.of(MessageConsumer.class, QueueReceiver.class, TopicSubscriber.class), ClosedBy.values()),
        BROWSER(List.of(QueueBrowser.class), ClosedBy.values());

        final List<Class<?>> interfaces;
        final List<ClosedBy> closers;

        Kind(List<Class<?>> interfaces, ClosedBy... closers) {
            this.interfaces = interfaces;
            this.closers = List.of(closers);
        }

        /** Every public method of the interfaces, by signature, except close() and Runnable.run(). */
        Map<String, Method> methods() {
            Map<String, Method> bySignature = new TreeMap<>();
            for (Class<?> type : interfaces) {
                for (Method m : type.getMethods()) {
                    if (!m.getName().equals("close") && !(m.getName().equals("run") && m.getParameterCount() == 0)) {
                        bySignature.putIfAbsent(signature(m), m);
                    }
                }
            }
            return bySignature;
        }
    }

    static String signature(Method m) {
        return m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    Stream<Arguments> closedCalls() {
        return Arrays.stream(Kind.values()).flatMap(kind -> kind.closers.stream().flatMap(closer ->
                kind.methods().values().stream().sorted(Comparator.comparing(ClosedObjectsTest::signature))
                        .map(m -> Arguments.of(kind + " closed by " + closer + ": " + signature(m), kind, closer, m))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closedCalls")
    void methodOfAClosedObjectThrowsIllegalState(String name, Kind kind, ClosedBy closer, Method method)
            throws Exception {
        Object target = closed(kind, closer);
        try {
            method.invoke(target, arguments(method));
            fail(name + " returned normally");
        } catch (InvocationTargetException e) {
            assertInstanceOf(IllegalStateException.class, e.getCause(), name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void closingAClosedObjectDoesNothing(Kind kind) throws Exception {
        for (ClosedBy closer : kind.closers) {
            ((AutoCloseable) closed(kind, closer)).close();
        }
    }

    Stream<Kind> kinds() {
        return Arrays.stream(Kind.values());
    }

    @ParameterizedTest(name = "blocked receive returns null when its {0} is closed by another thread")
    @MethodSource("receiveClosers")
    void blockedReceiveReturnsNullWhenClosedByAnotherThread(ClosedBy closer) throws Exception {
        Connection connection = factory.createConnection();
        connection.start();
        Session session = connection.createSession();
        MessageConsumer consumer = session.createConsumer(anchorSession.createQueue("closed.empty"));
        CompletableFuture<Message> received = new CompletableFuture<>();
        Thread receiver = new Thread(() -> {
            try {
                received.complete(consumer.receive());
            } catch (Throwable t) {
                received.completeExceptionally(t);
            }
        }, "blocked-receiver");
        receiver.start();
        Jms.waitUntilBlocked(receiver);

        switch (closer) {
            case ITSELF -> consumer.close();
            case SESSION -> session.close();
            case CONNECTION -> connection.close();
        }

        assertNull(received.get(10, TimeUnit.SECONDS));
        connection.close();
    }

    Stream<ClosedBy> receiveClosers() {
        return Arrays.stream(ClosedBy.values());
    }

    @Test
    void messagesStayUsableAfterTheirConnectionCloses() throws JMSException {
        Connection connection = factory.createConnection();
        Message created = connection.createSession().createTextMessage("still readable");
        created.setStringProperty("p", "v");
        connection.close();
        assertEquals("v", created.getStringProperty("p"));
        assertEquals("still readable", created.getBody(String.class));
    }

    // ---- making closed objects and arguments ------------------------------------------------------------------

    /**
     * A closed object. Closed by ITSELF, its session and connection stay open (the anchor's), so only the object's
     * own state is tested; closed by a parent, the parent is fresh and closed.
     */
    private Object closed(Kind kind, ClosedBy closer) throws JMSException {
        Connection connection = closer == ClosedBy.ITSELF && kind != Kind.CONNECTION && kind != Kind.SESSION
                ? anchor : factory.createConnection();
        if (kind == Kind.CONNECTION) {
            connection.close();
            return connection;
        }
        Session session = connection.createSession();
        AutoCloseable target = switch (kind) {
            case SESSION -> session;
            case PRODUCER -> session.createProducer(queue);
            case CONSUMER -> session.createConsumer(queue);
            case BROWSER -> session.createBrowser(queue);
            default -> throw new AssertionError(kind);
        };
        try {
            switch (closer) {
                case ITSELF -> target.close();
                case SESSION -> session.close();
                case CONNECTION -> connection.close();
            }
        } catch (Exception e) {
            throw new AssertionError("closing " + target, e);
        }
        return target;
    }

    private Object[] arguments(Method method) {
        return Arrays.stream(method.getParameterTypes()).map(this::argument).toArray();
    }

    private Object argument(Class<?> type) {
        if (type == Topic.class) {
            return topic;
        }
        if (type == Queue.class || type == Destination.class) {
            return queue;
        }
        if (type == String.class) {
            return "a = 1";
        }
        if (type == int.class) {
            return 1;
        }
        if (type == long.class) {
            return 100L;
        }
        if (type == boolean.class) {
            return false;
        }
        if (Message.class.isAssignableFrom(type)) {
            return message;
        }
        if (type == Serializable.class) {
            return "object";
        }
        if (type == MessageListener.class) {
            return (MessageListener) m -> { };
        }
        if (type == ExceptionListener.class) {
            return (ExceptionListener) e -> { };
        }
        if (type == ServerSessionPool.class) {
            return (ServerSessionPool) () -> null;
        }
        if (type == CompletionListener.class) {
            return new CompletionListener() {
                @Override
                public void onCompletion(Message m) {
                }

                @Override
                public void onException(Message m, Exception e) {
                }
            };
        }
        throw new AssertionError("no argument for parameter type " + type.getName());
    }
}
