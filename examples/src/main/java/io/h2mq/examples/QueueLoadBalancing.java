package io.h2mq.examples;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import javax.naming.InitialContext;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/**
 * Competing consumers on a queue: one producer sends {@value #MESSAGES} messages to the queue {@code Orders}, three
 * consumers (three sessions, each with a message listener) share them, and every message is received by exactly one
 * consumer. Prints what each consumer got and the total. Plain Jakarta Messaging: the connection factory and the
 * queue come from {@code jndi.properties}, so only that file names h2mq.
 *
 * <p>The queue is durable, so a previous run stopped half-way may have left messages in it: they are drained first.
 */
public final class QueueLoadBalancing {
    private static final int MESSAGES = 300;
    private static final int CONSUMERS = 3;

    public static void main(String[] args) throws Exception {
        InitialContext jndi = new InitialContext();
        ConnectionFactory factory = (ConnectionFactory) jndi.lookup("ConnectionFactory");
        Queue orders = (Queue) jndi.lookup("Orders");
        try (Connection connection = factory.createConnection()) {
            connection.start();
            System.out.println("drained " + drain(connection, orders) + " messages left by an earlier run");

            AtomicIntegerArray timesReceived = new AtomicIntegerArray(MESSAGES);
            AtomicIntegerArray perConsumer = new AtomicIntegerArray(CONSUMERS);
            CountDownLatch allReceived = new CountDownLatch(MESSAGES);
            for (int c = 0; c < CONSUMERS; c++) {
                int consumer = c;
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                session.createConsumer(orders).setMessageListener(message -> {
                    try {
                        timesReceived.incrementAndGet(message.getIntProperty("seq"));
                    } catch (jakarta.jms.JMSException e) {
                        throw new IllegalStateException(e);
                    }
                    perConsumer.incrementAndGet(consumer);
                    allReceived.countDown();
                });
            }

            Session producerSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = producerSession.createProducer(orders);
            for (int i = 0; i < MESSAGES; i++) {
                var message = producerSession.createTextMessage("order " + i);
                message.setIntProperty("seq", i);
                producer.send(message);
            }
            boolean complete = allReceived.await(60, TimeUnit.SECONDS);
            connection.close(); // waits for running listeners: the counts below are final

            int total = 0;
            for (int c = 0; c < CONSUMERS; c++) {
                System.out.println("consumer " + (c + 1) + " received " + perConsumer.get(c));
                total += perConsumer.get(c);
            }
            int exactlyOnce = 0;
            for (int i = 0; i < MESSAGES; i++) {
                exactlyOnce += timesReceived.get(i) == 1 ? 1 : 0;
            }
            System.out.println("total " + total + " of " + MESSAGES + " sent; received exactly once: " + exactlyOnce);
            if (!complete || total != MESSAGES || exactlyOnce != MESSAGES) {
                throw new IllegalStateException("not every message was received exactly once");
            }
        }
    }

    private static int drain(Connection connection, Queue queue) throws Exception {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageConsumer consumer = session.createConsumer(queue)) {
            int drained = 0;
            while (consumer.receiveNoWait() != null) {
                drained++;
            }
            return drained;
        }
    }
}
