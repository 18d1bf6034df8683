package io.h2mq.cluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

/**
 * A consumer process of {@link QueueAcrossProcessesTest}. It receives in CLIENT_ACKNOWLEDGE with
 * {@code receive(200)} in a loop (each call looks at the store again, so it needs no wake-up from the producer
 * processes), and acknowledges every {@code batch} messages, or whatever it holds when a receive finds nothing. It
 * prints, one flushed line each:
 * <ul>
 * <li>{@code ready} once its connection is started;</li>
 * <li>{@code R <id> <0|1>} when {@code receive()} returned a message, 1 if it was marked JMSRedelivered;</li>
 * <li>{@code A <id> <id> ...} when {@code acknowledge()} returned for those messages;</li>
 * <li>{@code paused} after the parent wrote {@code pause} to its stdin: from then on it acknowledges nothing,
 * receives until it holds {@code batch / 2} (at least 1) unacknowledged messages, prints this and waits to be
 * killed — a consumer caught in the middle of a batch, for certain;</li>
 * <li>{@code done} when its stdin ended: it acknowledged what it held, closed its connection, and exits 0.</li>
 * </ul>
 * Any failure exits with status 2 and the stack trace on stderr.
 *
 * <p>Arguments: store URL, queue, batch.
 */
public final class QueueConsumer {
    private static volatile boolean pause;
    private static volatile boolean stop;

    private QueueConsumer() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String queue = args[1];
        int batch = Integer.parseInt(args[2]);
        listenToParent();
        PrintStream out = System.out;
        try (Connection connection = NodeOptions.factory(url).createConnection()) {
            Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            connection.start();
            out.println("ready");
            consume(consumer, batch, out);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(2);
        }
        out.println("done");
        System.exit(0);
    }

    private static void consume(MessageConsumer consumer, int batch, PrintStream out) throws Exception {
        List<Message> held = new ArrayList<>();
        while (!stop) {
            if (pause && held.size() >= Math.max(1, batch / 2)) {
                out.println("paused");
                Thread.sleep(Long.MAX_VALUE); // until the parent kills this process
            }
            Message m = consumer.receive(200);
            if (m != null) {
                held.add(m);
                out.println("R " + m.getIntProperty(QueueProducer.ID) + " " + (m.getJMSRedelivered() ? 1 : 0));
            }
            if (!pause && (held.size() >= batch || m == null && !held.isEmpty())) {
                acknowledge(held, out);
            }
        }
        if (!held.isEmpty()) {
            acknowledge(held, out);
        }
    }

    private static void acknowledge(List<Message> held, PrintStream out) throws Exception {
        held.get(held.size() - 1).acknowledge();
        StringBuilder line = new StringBuilder("A");
        for (Message m : held) {
            line.append(' ').append(m.getIntProperty(QueueProducer.ID));
        }
        out.println(line);
        held.clear();
    }

    /** Reads the parent's commands from stdin: {@code pause}, and the end of input, which means stop. */
    private static void listenToParent() {
        Thread listener = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.equals("pause")) {
                        pause = true;
                    }
                }
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stop = true;
            }
        }, "parent-commands");
        listener.setDaemon(true);
        listener.start();
    }
}
