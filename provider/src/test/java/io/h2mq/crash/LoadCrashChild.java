package io.h2mq.crash;

import java.io.PrintStream;

import io.h2mq.H2mqConnectionFactory;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/**
 * The process that {@link LoadKill9CrashTest} kills: producer and consumer threads on one queue at once, each with its
 * own connection. Producer {@code t} sends PERSISTENT messages numbered {@code t * 1,000,000 + i} and prints
 * {@code sent n} after each {@code send()} returned; consumers receive in CLIENT_ACKNOWLEDGE, print {@code got n}
 * when {@code receive()} returned, acknowledge that one message and print {@code acked n} when
 * {@code acknowledge()} returned. So every message that may have been deleted was announced before.
 *
 * <p>Arguments: store URL, queue, producers, consumers.
 */
public final class LoadCrashChild {
    private LoadCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String queueName = args[1];
        int producers = Integer.parseInt(args[2]);
        int consumers = Integer.parseInt(args[3]);
        H2mqConnectionFactory factory = ChildFactory.create(url);
        PrintStream out = System.out;
        for (int t = 0; t < producers; t++) {
            int thread = t;
            start("producer-" + t, () -> produce(factory, queueName, thread, out));
        }
        for (int c = 0; c < consumers; c++) {
            start("consumer-" + c, () -> consume(factory, queueName, out));
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    @FunctionalInterface
    private interface Role {
        void run() throws Exception;
    }

    private static void start(String name, Role role) {
        Thread thread = new Thread(() -> {
            try {
                role.run();
            } catch (Exception e) {
                e.printStackTrace();
                System.exit(2);
            }
        }, name);
        thread.start();
    }

    private static void produce(H2mqConnectionFactory factory, String queueName, int thread, PrintStream out)
            throws Exception {
        Connection connection = factory.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue(queueName);
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        for (int i = 0; ; i++) {
            int n = thread * 1_000_000 + i;
            Message m = session.createTextMessage(Integer.toString(n));
            m.setIntProperty(CrashChild.NUMBER, n);
            producer.send(m);
            out.println("sent " + n);
        }
    }

    private static void consume(H2mqConnectionFactory factory, String queueName, PrintStream out) throws Exception {
        Connection connection = factory.createConnection();
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
        connection.start();
        while (true) {
            Message m = consumer.receive(60_000);
            if (m != null) {
                int n = m.getIntProperty(CrashChild.NUMBER);
                out.println("got " + n);
                m.acknowledge();
                out.println("acked " + n);
            }
        }
    }
}
