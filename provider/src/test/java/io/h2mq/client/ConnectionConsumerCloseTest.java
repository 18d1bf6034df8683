package io.h2mq.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.H2mqConnectionFactory;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.ServerSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;

/** Closing a connection closes its connection consumers, releasing their subscriptions (no need to close them). */
@Timeout(30)
class ConnectionConsumerCloseTest {
    @TempDir
    Path dir;

    @Test
    void closingTheConnectionClosesItsConnectionConsumers() throws Exception {
        H2mqConnectionFactory factory = StoreFixture.factory(dir);
        Connection keeper = factory.createConnection(); // keeps the shared broker running, as in a server
        Connection first = factory.createConnection();
        first.setClientID("app");
        Session s = first.createSession(false, Session.AUTO_ACKNOWLEDGE);
        s.setMessageListener(m -> { });
        ServerSession server = new ServerSession() {
            @Override public Session getSession() { return s; }
            @Override public void start() { s.run(); }
        };
        ServerSessionPool pool = () -> server;
        Topic topic = s.createTopic("news");
        first.createDurableConnectionConsumer(topic, "reader", null, pool, 1);
        String threadName = "h2mq-connection-consumer-" + ((ConnectionImpl) first).id();
        first.close();   // the application server forgot consumer.close(); the spec says it need not call it

        boolean threadAlive = Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(threadName) && t.isAlive());
        Connection second = factory.createConnection();
        second.setClientID("app");
        Session s2 = second.createSession(false, Session.AUTO_ACKNOWLEDGE);
        JMSException refused = null;
        try {
            s2.createDurableConsumer(topic, "reader").close();
        } catch (JMSException e) {
            refused = e;
        }
        second.close();
        keeper.close();
        assertEquals(null, refused, "the durable subscription is still held by the closed connection's consumer");
        assertFalse(threadAlive, "the connection consumer's thread outlives its connection");
    }
}
