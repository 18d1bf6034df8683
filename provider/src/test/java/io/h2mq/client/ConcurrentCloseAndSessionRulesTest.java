package io.h2mq.client;

import static io.h2mq.client.Jms.receiveTexts;
import static io.h2mq.client.Jms.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.H2mqConnectionFactory;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;

/** Closing from several threads at once, and the session rules that guard against silent loss. */
@Timeout(60)
class ConcurrentCloseAndSessionRulesTest {
    @TempDir
    Path dir;

    interface Call {
        void run() throws Exception;
    }

    static void concurrently(Call call) throws InterruptedException {
        CyclicBarrier barrier = new CyclicBarrier(2);
        Runnable r = () -> {
            try {
                barrier.await();
                call.run();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        };
        Thread a = new Thread(r);
        Thread b = new Thread(r);
        a.start();
        b.start();
        a.join();
        b.join();
    }

    @Test
    void closingOneConnectionFromTwoThreadsLeavesOtherConnectionsWorking() throws Exception {
        H2mqConnectionFactory factory = StoreFixture.factory(dir);
        Connection bystander = factory.createConnection();
        Session session = bystander.createSession();
        Queue queue = session.createQueue("q");
        try {
            for (int i = 0; i < 30; i++) {
                Connection victim = factory.createConnection();
                victim.createSession(false, Session.CLIENT_ACKNOWLEDGE);
                concurrently(victim::close);
                send(session, queue, "still working " + i); // fails: HikariDataSource has been closed
            }
        } finally {
            bystander.close();
        }
    }

    @Test
    void closingOneSharedConsumerFromTwoThreadsKeepsTheSubscriptionForTheOtherConsumer() throws Exception {
        Connection connection = StoreFixture.factory(dir).createConnection();
        try {
            connection.start();
            Session session = connection.createSession();
            Topic topic = session.createTopic("t");
            for (int i = 0; i < 500; i++) {
                MessageConsumer keeper = session.createSharedConsumer(topic, "shared" + i);
                MessageConsumer victim = connection.createSession().createSharedConsumer(topic, "shared" + i);
                concurrently(victim::close);
                send(session, topic, "m" + i);
                assertNotNull(keeper.receive(5000), "subscription deleted under a live consumer at iteration " + i);
                keeper.close();
            }
        } finally {
            connection.close();
        }
    }

    @Test
    void nonTransactedSessionWithAcknowledgeModeZeroIsRefused() throws JMSException {
        Connection connection = StoreFixture.factory(dir).createConnection();
        try {
            Session session;
            try {
                session = connection.createSession(false, Session.SESSION_TRANSACTED);
            } catch (JMSException expected) {
                return;
            }
            assertFalse(session.getTransacted(), "transacted=false must give a non-transacted session");
        } finally {
            connection.close();
        }
    }

    @Test
    void unsubscribeWhileAConsumedMessageIsUnacknowledgedIsRefused() throws JMSException {
        Connection connection = StoreFixture.factory(dir).createConnection();
        try {
            connection.setClientID("c");
            connection.start();
            Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            Topic topic = session.createTopic("t");
            MessageConsumer durable = session.createDurableConsumer(topic, "d");
            send(session, topic, "pending");
            Message m = durable.receive(5000);
            durable.close();
            assertThrows(jakarta.jms.IllegalStateException.class, () -> session.unsubscribe("d"));
            m.acknowledge();
            session.unsubscribe("d");
        } finally {
            connection.close();
        }
    }

    @Test
    void createProducerOnAClosedContextIsIllegalState() {
        JMSContext context = StoreFixture.factory(dir).createContext();
        context.close();
        assertThrows(IllegalStateRuntimeException.class, context::createProducer);
    }
}
