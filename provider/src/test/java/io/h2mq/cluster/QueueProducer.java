package io.h2mq.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.h2mq.H2mqConnectionFactory;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

/**
 * A producer process of {@link QueueAcrossProcessesTest}: sends the PERSISTENT messages numbered {@code first} to
 * {@code first + count - 1} (property {@value #ID}) from a few threads, each on its own connection so that their
 * sends share group commits, prints {@code sent <count>} once every {@code send()} has returned, and exits 0. Any
 * failure exits with status 2 and the stack trace on stderr.
 *
 * <p>Arguments: store URL, queue, first, count, threads.
 */
public final class QueueProducer {
    static final String ID = "id";

    private QueueProducer() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String queue = args[1];
        int first = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        H2mqConnectionFactory factory = NodeOptions.factory(url);
        AtomicInteger next = new AtomicInteger(first);
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread sender = new Thread(() -> send(factory, queue, next, first + count), "sender-" + t);
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        System.out.println("sent " + count);
        System.exit(0);
    }

    private static void send(H2mqConnectionFactory factory, String queueName, AtomicInteger next, int end) {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queueName));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int id = next.getAndIncrement(); id < end; id = next.getAndIncrement()) {
                Message m = session.createTextMessage("message " + id);
                m.setIntProperty(ID, id);
                producer.send(m);
            }
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(2);
        }
    }
}
