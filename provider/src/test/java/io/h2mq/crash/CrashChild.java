package io.h2mq.crash;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;


import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * The process that {@link Kill9CrashTest} kills. It opens the store given on the command line and plays one role,
 * printing one line to stdout, flushed, <em>after</em> each JMS call it reports has returned: a printed line is
 * what the application was told, and the parent holds the provider to it after the {@code kill -9}.
 *
 * <pre>
 * produce            url queue count          "sent n"           after each send() of message n returned
 * produce-transacted url queue count seed     "committed a b"    after commit() of messages a..b returned
 * consume-client-ack url queue k              "received n r"     after receive() returned message n (r: redelivered)
 *                                             "acking"           before acknowledge() of every k-th message
 *                                             "acked a b c..."   after acknowledge() of messages a, b, c... returned
 * consume-auto       url queue                "received n r"     after receive() returned (and so acknowledged) n
 * produce-concurrent url queue threads        "sent n"           as produce, from that many threads, each with its
 *                                                                own connection and session; thread t sends
 *                                                                t * 1,000,000 + i for i = 0, 1, 2...
 * consume-transacted url queue k              "received n r"     after receive() returned message n
 *                                             "committing"       before commit() of every k-th message
 *                                             "committed a b..." after commit() of messages a, b... returned
 * </pre>
 *
 * Messages are PERSISTENT TextMessages whose text and int property {@code n} are their number. A role ends (exit 0,
 * line "done") when it has nothing left to do; normally the parent kills it long before.
 */
public final class CrashChild {
    static final String NUMBER = "n";

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        String role = args[0];
        String url = args[1];
        String queueName = args[2];
        PrintStream out = System.out;
        Connection connection = ChildFactory.create(url).createConnection();
        try {
            switch (role) {
                case "produce" -> produce(connection, queueName, Integer.parseInt(args[3]), out);
                case "produce-transacted" -> produceTransacted(connection, queueName, Integer.parseInt(args[3]),
                        Long.parseLong(args[4]), out);
                case "consume-client-ack" -> consumeClientAck(connection, queueName, Integer.parseInt(args[3]), out);
                case "consume-auto" -> consumeAuto(connection, queueName, out);
                case "produce-concurrent" -> produceConcurrent(url, queueName, Integer.parseInt(args[3]), out);
                case "consume-transacted" -> consumeTransacted(connection, queueName, Integer.parseInt(args[3]),
                        out);
                default -> throw new IllegalArgumentException("unknown role " + role);
            }
        } finally {
            connection.close();
        }
        tell(out, "done");
    }

    private static void tell(PrintStream out, String line) {
        out.println(line);
        out.flush();
    }

    private static TextMessage numbered(Session session, int n) throws JMSException {
        TextMessage message = session.createTextMessage(Integer.toString(n));
        message.setIntProperty(NUMBER, n);
        return message;
    }

    private static void produce(Connection connection, String queueName, int count, PrintStream out)
            throws JMSException {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue(queueName);
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        for (int n = 0; n < count; n++) {
            producer.send(numbered(session, n));
            tell(out, "sent " + n);
        }
    }

    /** Commits batches of 1 to 50 messages, sizes drawn from {@code seed}. */
    private static void produceTransacted(Connection connection, String queueName, int count, long seed,
                                          PrintStream out) throws JMSException {
        Random random = new Random(seed);
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = session.createQueue(queueName);
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        int n = 0;
        while (n < count) {
            int first = n;
            int size = Math.min(1 + random.nextInt(50), count - n);
            for (int i = 0; i < size; i++) {
                producer.send(numbered(session, n++));
            }
            session.commit();
            tell(out, "committed " + first + " " + (n - 1));
        }
    }

    private static void consumeClientAck(Connection connection, String queueName, int k, PrintStream out)
            throws JMSException {
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
        connection.start();
        List<Integer> unacked = new ArrayList<>();
        Message message;
        while ((message = consumer.receive(5_000)) != null) {
            int n = message.getIntProperty(NUMBER);
            tell(out, "received " + n + " " + message.getJMSRedelivered());
            unacked.add(n);
            if (unacked.size() == k) {
                tell(out, "acking");
                message.acknowledge();
                StringBuilder acked = new StringBuilder("acked");
                unacked.forEach(u -> acked.append(' ').append(u));
                tell(out, acked.toString());
                unacked.clear();
            }
        }
    }

    static final int PER_THREAD = 1_000_000;

    private static void produceConcurrent(String url, String queueName, int threads, PrintStream out)
            throws Exception {
        List<Thread> producers = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            int base = t * PER_THREAD;
            Thread thread = new Thread(() -> {
                try (Connection connection = ChildFactory.create(url).createConnection()) {
                    Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    MessageProducer producer = session.createProducer(session.createQueue(queueName));
                    producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                    for (int i = 0; i < PER_THREAD; i++) {
                        producer.send(numbered(session, base + i));
                        synchronized (out) {
                            tell(out, "sent " + (base + i));
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "producer-" + t);
            producers.add(thread);
            thread.start();
        }
        for (Thread thread : producers) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a producer failed", failures.get(0));
        }
    }

    private static void consumeTransacted(Connection connection, String queueName, int k, PrintStream out)
            throws JMSException {
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
        connection.start();
        List<Integer> uncommitted = new ArrayList<>();
        Message message;
        while ((message = consumer.receive(5_000)) != null) {
            int n = message.getIntProperty(NUMBER);
            tell(out, "received " + n + " " + message.getJMSRedelivered());
            uncommitted.add(n);
            if (uncommitted.size() == k) {
                tell(out, "committing");
                session.commit();
                StringBuilder committed = new StringBuilder("committed");
                uncommitted.forEach(u -> committed.append(' ').append(u));
                tell(out, committed.toString());
                uncommitted.clear();
            }
        }
    }

    private static void consumeAuto(Connection connection, String queueName, PrintStream out) throws JMSException {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
        connection.start();
        Message message;
        while ((message = consumer.receive(5_000)) != null) {
            tell(out, "received " + message.getIntProperty(NUMBER) + " " + message.getJMSRedelivered());
        }
    }
}
