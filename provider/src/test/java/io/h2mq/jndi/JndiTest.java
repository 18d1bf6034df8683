package io.h2mq.jndi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Hashtable;

import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.OperationNotSupportedException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.testing.TestStores;
import io.h2mq.H2mqQueue;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

/** JNDI from plain properties: lookups of factories and destinations, dynamic names, a read-only context. */
@Timeout(30)
class JndiTest {
    @TempDir
    Path dir;

    InitialContext jndi;

    private Hashtable<String, String> environment() {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, H2mqInitialContextFactory.class.getName());
        env.put("connectionFactory.CF", TestStores.url(dir));
        env.put("connectionFactory.CF.clientID", "x");
        env.put("queue.Q", "orders");
        env.put("topic.T", "prices");
        return env;
    }

    @BeforeEach
    void open() throws NamingException {
        jndi = new InitialContext(environment());
    }

    @AfterEach
    void close() throws NamingException {
        jndi.close();
    }

    @Test
    void lookedUpObjectsWorkTogether() throws NamingException, JMSException {
        ConnectionFactory cf = (ConnectionFactory) jndi.lookup("CF");
        Queue q = (Queue) jndi.lookup("Q");
        Topic t = (Topic) jndi.lookup("T");
        assertEquals("orders", q.getQueueName());
        assertEquals("prices", t.getTopicName());

        Connection connection = cf.createConnection();
        try {
            assertEquals("x", connection.getClientID());
        } finally {
            connection.close();
        }
        try (JMSContext context = cf.createContext()) {
            context.createProducer().send(q, "through jndi");
            assertEquals("through jndi", context.createConsumer(q).receiveBody(String.class, 5000));
        }
    }

    @Test
    void unknownNameIsNotFound() {
        NameNotFoundException e = assertThrows(NameNotFoundException.class, () -> jndi.lookup("missing"));
        assertEquals(true, e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void theContextIsReadOnly() {
        assertThrows(OperationNotSupportedException.class, () -> jndi.bind("new", new H2mqQueue("n")));
        assertThrows(OperationNotSupportedException.class, () -> jndi.rebind("Q", new H2mqQueue("n")));
        assertThrows(OperationNotSupportedException.class, () -> jndi.unbind("Q"));
        assertThrows(OperationNotSupportedException.class, () -> jndi.rename("Q", "R"));
        assertThrows(OperationNotSupportedException.class, () -> jndi.createSubcontext("sub"));
    }

    @Test
    void dynamicNamesNeedNoDeclaration() throws NamingException, JMSException {
        Queue foo = (Queue) jndi.lookup("dynamicQueues/foo");
        Topic bar = (Topic) jndi.lookup("dynamicTopics/bar");
        assertEquals("foo", foo.getQueueName());
        assertEquals("bar", bar.getTopicName());
        assertEquals(foo, jndi.lookup("dynamicQueues/foo"));
        assertThrows(NameNotFoundException.class, () -> jndi.lookup("dynamicQueues/"));
    }

    @Test
    void eachInitialContextHasItsOwnFactory() throws NamingException {
        InitialContext other = new InitialContext(environment());
        try {
            assertNotSame(jndi.lookup("CF"), other.lookup("CF"));
            assertEquals(jndi.lookup("Q"), other.lookup("Q"));
        } finally {
            other.close();
        }
    }

    @Test
    void invalidFactoryOptionIsAConfigurationError() {
        Hashtable<String, String> env = environment();
        env.put("connectionFactory.CF.poolSize", "many");
        NamingException e = assertThrows(NamingException.class, () -> new InitialContext(env).lookup("CF"));
        assertInstanceOf(ConfigurationException.class, e);
    }
}
