package io.h2mq.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.testing.TestStores;
import io.h2mq.H2mqConnectionFactory;
import io.h2mq.H2mqOptions;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

/** Producers faster than consumers: each overflow policy, with a maximum depth of two messages. */
@Timeout(30)
class OverflowPolicyTest {
    @TempDir
    Path dir;

    private Connection connect(String overflow, long blockTimeout) throws JMSException {
        H2mqOptions options = new H2mqOptions();
        options.setUrl(TestStores.url(dir));
        options.setPolicies("bounded:maxDepth=2,overflow=" + overflow + ",blockTimeout=" + blockTimeout);
        return new H2mqConnectionFactory(options).createConnection();
    }

    private static List<String> browse(Session session, Queue queue) throws JMSException {
        List<String> texts = new ArrayList<>();
        for (Object m : Collections.list(session.createBrowser(queue).getEnumeration())) {
            texts.add(((TextMessage) m).getText());
        }
        return texts;
    }

    @Test
    void failRefusesTheSendAndStoresNothing() throws Exception {
        try (Connection connection = connect("FAIL", 0)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("bounded");
            MessageProducer producer = session.createProducer(queue);
            producer.send(session.createTextMessage("1"));
            producer.send(session.createTextMessage("2"));
            ResourceAllocationException full = assertThrows(ResourceAllocationException.class,
                    () -> producer.send(session.createTextMessage("3")));
            assertTrue(full.getMessage().contains("queue 'bounded' is full: 2 messages of maxDepth 2"),
                    full.getMessage());
            assertEquals(List.of("1", "2"), browse(session, queue));
        }
    }

    @Test
    void blockedProducerResumesWhenTheMessagesFillingTheQueueExpireWithNoConsumer() throws Exception {
        H2mqOptions options = new H2mqOptions();
        options.setUrl(TestStores.url(dir));
        options.setPolicies("bounded:maxDepth=2,overflow=BLOCK,blockTimeout=20000");
        options.setExpiryScanInterval(100);
        try (Connection connection = new H2mqConnectionFactory(options).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("bounded");
            MessageProducer producer = session.createProducer(queue);
            producer.setTimeToLive(300);
            producer.send(session.createTextMessage("1"));
            producer.send(session.createTextMessage("2"));
            producer.setTimeToLive(0);
            producer.send(session.createTextMessage("3")); // blocks until the sweep drops the two expired ones
            assertEquals(List.of("3"), browse(session, queue));
        }
    }

    @Test
    void blockedProducerResumesWhenAConsumerFreesRoom() throws Exception {
        try (Connection connection = connect("BLOCK", 20_000)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("bounded");
            MessageProducer producer = session.createProducer(queue);
            producer.send(session.createTextMessage("1"));
            producer.send(session.createTextMessage("2"));
            CompletableFuture<Void> third = CompletableFuture.runAsync(() -> {
                try {
                    producer.send(session.createTextMessage("3"));
                } catch (JMSException e) {
                    throw new RuntimeException(e);
                }
            });
            Session consuming = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(java.util.concurrent.TimeoutException.class, () -> third.get(300, TimeUnit.MILLISECONDS),
                    "the third send waits while the queue is full");
            connection.start();
            assertEquals("1", ((TextMessage) consuming.createConsumer(queue).receive(5000)).getText());
            third.get(10, TimeUnit.SECONDS);
            assertEquals(List.of("2", "3"), browse(consuming, queue));
        }
    }

    @Test
    void blockedProducerFailsAfterTheBlockTimeout() throws Exception {
        try (Connection connection = connect("BLOCK", 200)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("bounded"));
            producer.send(session.createTextMessage("1"));
            producer.send(session.createTextMessage("2"));
            long started = System.nanoTime();
            ResourceAllocationException e = assertThrows(ResourceAllocationException.class,
                    () -> producer.send(session.createTextMessage("3")));
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) >= 199);
            assertTrue(e.getMessage().contains("blockTimeout 200 ms"), e.getMessage());
        }
    }

    @Test
    void dropNewDiscardsTheNewMessageAndTheSendReturns() throws Exception {
        try (Connection connection = connect("DROP_NEW", 0)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("bounded");
            MessageProducer producer = session.createProducer(queue);
            for (String t : new String[] {"1", "2", "3", "4"}) {
                producer.send(session.createTextMessage(t));
            }
            assertEquals(List.of("1", "2"), browse(session, queue));
        }
    }

    @Test
    void dropOldDiscardsTheHeadToMakeRoom() throws Exception {
        try (Connection connection = connect("DROP_OLD", 0)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("bounded");
            MessageProducer producer = session.createProducer(queue);
            for (String t : new String[] {"1", "2", "3", "4"}) {
                producer.send(session.createTextMessage(t));
            }
            assertEquals(List.of("3", "4"), browse(session, queue));
        }
    }

    @Test
    void topicLimitAppliesToEachSubscription() throws Exception {
        try (Connection connection = connect("FAIL", 0)) {
            connection.setClientID("overflow-test");
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic topic = session.createTopic("bounded");
            session.createDurableSubscriber(topic, "slow").close();
            MessageProducer producer = session.createProducer(topic);
            producer.send(session.createTextMessage("1"));
            producer.send(session.createTextMessage("2"));
            ResourceAllocationException e = assertThrows(ResourceAllocationException.class,
                    () -> producer.send(session.createTextMessage("3")));
            assertTrue(e.getMessage().contains("subscription of topic 'bounded'"), e.getMessage());
        }
    }

    @Test
    void asyncSendToAFullDestinationReachesOnException() throws Exception {
        try (Connection connection = connect("FAIL", 0)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("bounded"));
            producer.send(session.createTextMessage("1"));
            producer.send(session.createTextMessage("2"));
            AtomicReference<Exception> failure = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(1);
            Message third = session.createTextMessage("3");
            producer.send(third, new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    done.countDown();
                }

                @Override
                public void onException(Message message, Exception exception) {
                    failure.set(exception);
                    done.countDown();
                }
            });
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertInstanceOf(ResourceAllocationException.class, failure.get());
        }
    }

    @Test
    void unboundedDestinationsAreNotLimited() throws Exception {
        try (Connection connection = connect("FAIL", 0)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("free"));
            for (int i = 0; i < 5; i++) {
                producer.send(session.createTextMessage("m" + i));
            }
            assertEquals(5, browse(session, session.createQueue("free")).size());
        }
    }
}
