package io.h2mq.client;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/** Small helpers shared by the behaviour tests: send texts, receive texts, browse a queue, wait for a condition. */
final class Jms {
    static final long RECEIVE_MILLIS = 5_000;

    private Jms() {
    }

    static void send(Session session, Destination destination, String... texts) throws JMSException {
        MessageProducer producer = session.createProducer(destination);
        for (String text : texts) {
            producer.send(session.createTextMessage(text));
        }
        producer.close();
    }

    static String text(Message message) throws JMSException {
        assertNotNull(message, "expected a message");
        return ((TextMessage) message).getText();
    }

    /** Receives exactly {@code n} messages, failing if one does not come within {@link #RECEIVE_MILLIS}. */
    static List<String> receiveTexts(MessageConsumer consumer, int n) throws JMSException {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            texts.add(text(consumer.receive(RECEIVE_MILLIS)));
        }
        return texts;
    }

    /** Takes whatever is available now, without waiting. */
    static List<String> drainNoWait(MessageConsumer consumer) throws JMSException {
        List<String> texts = new ArrayList<>();
        Message m;
        while ((m = consumer.receiveNoWait()) != null) {
            texts.add(text(m));
        }
        return texts;
    }

    /** The texts a queue holds, in order, as a fresh browser sees them. */
    static List<String> browse(Session session, Queue queue) throws JMSException {
        QueueBrowser browser = session.createBrowser(queue);
        try {
            List<String> texts = new ArrayList<>();
            for (Object m : Collections.list(browser.getEnumeration())) {
                texts.add(text((Message) m));
            }
            return texts;
        } finally {
            browser.close();
        }
    }

    /** Waits until {@code condition} holds; the caller's {@code @Timeout} bounds the wait. */
    static void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /** Waits until {@code thread} blocks (waiting or timed waiting), e.g. inside receive() or close(). */
    static void waitUntilBlocked(Thread thread) {
        waitFor(() -> thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING,
                thread.getName() + " to block");
    }
}
