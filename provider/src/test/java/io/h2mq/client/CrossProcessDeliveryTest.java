package io.h2mq.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.H2mqConnectionFactory;
import io.h2mq.H2mqOptions;
import io.h2mq.testing.SharedStore;
import io.h2mq.testing.TestStores;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * Through the public API, two nodes of one store (two factories naming the same store by two URLs, so each gets an
 * engine of its own, as two JVMs would): a message listener on one node gets what the other sends, without waiting
 * for the poll. On PostgreSQL the poll interval is a minute, so only a notification explains the delivery; on a
 * shared H2 database it is the ceiling of the adaptive polling.
 */
@Timeout(60)
class CrossProcessDeliveryTest {
    @TempDir
    Path dir;

    private SharedStore store;
    private Connection sender;
    private Connection receiver;

    @AfterEach
    void close() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
        if (sender != null) {
            sender.close();
        }
        store.close();
    }

    private static H2mqConnectionFactory factory(String url, long pollInterval) {
        H2mqOptions options = new H2mqOptions();
        options.setUrl(url);
        options.setPollInterval(pollInterval);
        return new H2mqConnectionFactory(options);
    }

    @Test
    void aListenerOnOneNodeGetsWhatAnotherNodeSends() throws Exception {
        store = SharedStore.in(dir);
        long pollInterval = TestStores.onPostgres() ? 60_000 : 1_000;
        long within = TestStores.onPostgres() ? 10_000 : pollInterval + 2_000;
        sender = factory(store.url(), pollInterval).createConnection();
        receiver = factory(store.otherUrl(), pollInterval).createConnection();
        Session receiving = receiver.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = receiving.createQueue("across");
        MessageConsumer consumer = receiving.createConsumer(queue);
        BlockingQueue<String> received = new ArrayBlockingQueue<>(1);
        consumer.setMessageListener(m -> {
            try {
                received.add(((TextMessage) m).getText());
            } catch (jakarta.jms.JMSException e) {
                received.add("unreadable: " + e);
            }
        });
        receiver.start();

        Session sending = sender.createSession(false, Session.AUTO_ACKNOWLEDGE);
        long start = System.nanoTime();
        sending.createProducer(queue).send(sending.createTextMessage("hello from the other node"));

        String text = received.poll(within, TimeUnit.MILLISECONDS);
        assertEquals("hello from the other node", text, "nothing within " + within + " ms");
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < within);
    }
}
