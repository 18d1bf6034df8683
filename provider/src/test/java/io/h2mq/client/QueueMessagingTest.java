package io.h2mq.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

@Timeout(30)
class QueueMessagingTest {
    @TempDir
    Path dir;

    Connection connection;
    Session session;
    Queue queue;

    @BeforeEach
    void connect() throws JMSException {
        connection = StoreFixture.factory(dir).createConnection();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        queue = session.createQueue("orders");
    }

    @AfterEach
    void close() throws JMSException {
        connection.close();
    }

    private void send(String... texts) throws JMSException {
        MessageProducer producer = session.createProducer(queue);
        for (String t : texts) {
            producer.send(session.createTextMessage(t));
        }
    }

    @Test
    void sentMessageIsReceivedWithItsHeaders() throws JMSException {
        send("hello");
        connection.start();
        TextMessage m = (TextMessage) session.createConsumer(queue).receive(5000);
        assertEquals("hello", m.getText());
        assertNotNull(m.getJMSMessageID());
        assertTrue(m.getJMSMessageID().startsWith("ID:"));
        assertEquals(DeliveryMode.PERSISTENT, m.getJMSDeliveryMode());
        assertEquals(queue, m.getJMSDestination());
        assertFalse(m.getJMSRedelivered());
        assertEquals(1, m.getIntProperty("JMSXDeliveryCount"));
    }

    @Test
    void consumerOfStoppedConnectionReceivesNothing() throws JMSException {
        send("waiting");
        MessageConsumer consumer = session.createConsumer(queue);
        assertNull(consumer.receive(200));
        connection.start();
        assertNotNull(consumer.receive(5000));
    }

    @Test
    void messagesFromOneProducerArriveInOrder() throws JMSException {
        send("1", "2", "3", "4", "5");
        connection.start();
        MessageConsumer consumer = session.createConsumer(queue);
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            got.add(((TextMessage) consumer.receive(5000)).getText());
        }
        assertEquals(List.of("1", "2", "3", "4", "5"), got);
        assertNull(consumer.receiveNoWait());
    }

    @Test
    void higherPriorityIsDeliveredFirst() throws JMSException {
        MessageProducer producer = session.createProducer(queue);
        for (int p = 0; p <= 9; p++) {
            producer.send(session.createTextMessage("p" + p), DeliveryMode.PERSISTENT, p, 0);
        }
        connection.start();
        MessageConsumer consumer = session.createConsumer(queue);
        for (int p = 9; p >= 0; p--) {
            assertEquals(p, consumer.receive(5000).getJMSPriority());
        }
    }

    @Test
    void receiveIsWokenByASendWithoutPolling() throws Exception {
        connection.start();
        MessageConsumer consumer = session.createConsumer(queue);
        Session other = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Thread sender = new Thread(() -> {
            try {
                Thread.sleep(100);
                other.createProducer(queue).send(other.createTextMessage("wake"));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        sender.start();
        Message m = consumer.receive();
        assertEquals("wake", ((TextMessage) m).getText());
        sender.join();
    }

    @Test
    void listenerReceivesEveryMessage() throws Exception {
        send("a", "b", "c");
        CountDownLatch latch = new CountDownLatch(3);
        List<String> got = new ArrayList<>();
        session.createConsumer(queue).setMessageListener(m -> {
            try {
                got.add(((TextMessage) m).getText());
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
            latch.countDown();
        });
        connection.start();
        assertTrue(latch.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("a", "b", "c"), got);
    }

    @Test
    void browserSeesMessagesWithoutConsumingThem() throws JMSException {
        send("x", "y");
        QueueBrowser browser = session.createBrowser(queue);
        assertEquals(2, java.util.Collections.list(browser.getEnumeration()).size());
        connection.start();
        assertNotNull(session.createConsumer(queue).receive(5000));
    }

    @Test
    void selectorPicksMatchingMessagesOnly() throws JMSException {
        MessageProducer producer = session.createProducer(queue);
        for (int i = 0; i < 10; i++) {
            TextMessage m = session.createTextMessage("m" + i);
            m.setIntProperty("n", i);
            producer.send(m);
        }
        connection.start();
        MessageConsumer odd = session.createConsumer(queue, "n / 2 * 2 <> n");
        List<String> got = new ArrayList<>();
        Message m;
        while ((m = odd.receive(500)) != null) {
            got.add(((TextMessage) m).getText());
        }
        assertEquals(List.of("m1", "m3", "m5", "m7", "m9"), got);
    }
}
