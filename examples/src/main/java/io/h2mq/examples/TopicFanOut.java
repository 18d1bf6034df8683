package io.h2mq.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.naming.InitialContext;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Topic;

/**
 * Publish/subscribe: one publisher sends {@value #MESSAGES} prices to the topic {@code Prices}, and each of three
 * subscribers gets every one of them (a topic message is stored once, with one small entry per subscription).
 * Prints what each subscriber got. Uses the simplified API ({@code JMSContext}); the connection factory and the
 * topic come from {@code jndi.properties}.
 *
 * <p>The subscriptions are non-durable: they begin when the subscribers are created, so nothing an earlier run
 * published can reach them.
 */
public final class TopicFanOut {
    private static final int MESSAGES = 100;
    private static final int SUBSCRIBERS = 3;

    public static void main(String[] args) throws Exception {
        InitialContext jndi = new InitialContext();
        ConnectionFactory factory = (ConnectionFactory) jndi.lookup("ConnectionFactory");
        Topic prices = (Topic) jndi.lookup("Prices");
        try (JMSContext publisherContext = factory.createContext()) {
            AtomicInteger[] received = new AtomicInteger[SUBSCRIBERS];
            List<JMSContext> subscriberContexts = new ArrayList<>();
            CountDownLatch allReceived = new CountDownLatch(MESSAGES * SUBSCRIBERS);
            for (int s = 0; s < SUBSCRIBERS; s++) {
                AtomicInteger count = received[s] = new AtomicInteger();
                // Each JMSContext made from another is one more session on the same connection.
                JMSContext subscriberContext = publisherContext.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                subscriberContexts.add(subscriberContext);
                subscriberContext.createConsumer(prices).setMessageListener(message -> {
                    count.incrementAndGet();
                    allReceived.countDown();
                });
            }

            JMSProducer publisher = publisherContext.createProducer();
            for (int i = 0; i < MESSAGES; i++) {
                publisher.send(prices, "price " + (100 + i % 7));
            }
            boolean complete = allReceived.await(60, TimeUnit.SECONDS);
            subscriberContexts.forEach(JMSContext::close); // each waits for its running listener
            publisherContext.close(); // the last context of the connection closes it

            for (int s = 0; s < SUBSCRIBERS; s++) {
                System.out.println("subscriber " + (s + 1) + " received " + received[s].get() + " of " + MESSAGES);
            }
            if (!complete || Arrays.stream(received).anyMatch(c -> c.get() != MESSAGES)) {
                throw new IllegalStateException("a subscriber missed messages or got some twice");
            }
        }
    }
}
