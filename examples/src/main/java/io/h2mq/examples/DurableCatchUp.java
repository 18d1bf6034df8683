package io.h2mq.examples;

import java.util.ArrayList;
import java.util.List;

import javax.naming.InitialContext;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;

/**
 * A durable subscription keeps what its subscriber missed. The subscriber (client ID {@value #CLIENT_ID},
 * subscription {@value #SUBSCRIPTION}) receives the first {@value #BATCH} news of the topic {@code News}, then goes
 * away; the publisher sends {@value #BATCH} more; the subscriber comes back and receives exactly those, and nothing
 * else. Prints what each side does.
 *
 * <p>Every step opens its own connections and closes them all, so between steps no connection to the store is open
 * and the provider's engine stops: each step starts it again from the store on disk, as a restarted application
 * would. With {@code -Dphase=away} the program does the first two steps and exits; a second run with
 * {@code -Dphase=back} (in a new JVM, on the same store) does the third. Without {@code -Dphase}, one run does all
 * three.
 *
 * <p>The subscription is removed at the end. One left by an earlier run that stopped half-way is drained first.
 */
public final class DurableCatchUp {
    private static final String CLIENT_ID = "news-reader";
    private static final String SUBSCRIPTION = "catch-up";
    private static final int BATCH = 3;
    private static final long RECEIVE_TIMEOUT_MS = 10_000;

    public static void main(String[] args) throws Exception {
        InitialContext jndi = new InitialContext();
        ConnectionFactory factory = (ConnectionFactory) jndi.lookup("ConnectionFactory");
        Topic news = (Topic) jndi.lookup("News");
        String phase = System.getProperty("phase", "all");
        switch (phase) {
            case "away" -> readThenGoAway(factory, news);
            case "back" -> comeBack(factory, news);
            case "all" -> {
                readThenGoAway(factory, news);
                comeBack(factory, news);
            }
            default -> throw new IllegalArgumentException("phase " + phase + ": expected away, back or none");
        }
    }

    /** Steps 1 and 2: subscribe and read the first batch; then, with the subscriber gone, publish the second. */
    private static void readThenGoAway(ConnectionFactory factory, Topic news) throws JMSException {
        try (Connection subscriberConnection = subscriberConnection(factory);
             Connection publisherConnection = factory.createConnection()) {
            Session session = subscriberConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer subscriber = session.createDurableConsumer(news, SUBSCRIPTION);
            subscriberConnection.start();
            int drained = 0;
            while (subscriber.receiveNoWait() != null) {
                drained++;
            }
            System.out.println("subscribed as " + CLIENT_ID + "/" + SUBSCRIPTION + "; drained " + drained
                    + " news left by an earlier run");
            publish(publisherConnection, news, 1);
            expect(subscriber, 1, "received while subscribed");
        }
        System.out.println("subscriber gone, every connection closed: the engine stopped");

        try (Connection publisherConnection = factory.createConnection()) {
            publish(publisherConnection, news, BATCH + 1);
        }
        System.out.println("publisher closed: the engine stopped again");
    }

    /** Step 3: the subscriber is back, receives exactly the second batch, and removes its subscription. */
    private static void comeBack(ConnectionFactory factory, Topic news) throws JMSException {
        try (Connection connection = subscriberConnection(factory)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer subscriber = session.createDurableConsumer(news, SUBSCRIPTION);
            connection.start();
            System.out.println("subscriber back as " + CLIENT_ID + "/" + SUBSCRIPTION);
            expect(subscriber, BATCH + 1, "caught up with");
            Message extra = subscriber.receiveNoWait();
            subscriber.close();
            session.unsubscribe(SUBSCRIPTION);
            System.out.println("nothing more " + (extra == null ? "waiting" : "expected, but got one")
                    + "; subscription removed");
            if (extra != null) {
                throw new IllegalStateException("the subscriber received news it had already received");
            }
        }
    }

    private static Connection subscriberConnection(ConnectionFactory factory) throws JMSException {
        Connection connection = factory.createConnection();
        try {
            connection.setClientID(CLIENT_ID); // with the subscription name, the durable subscription's identity
            return connection;
        } catch (JMSException e) {
            connection.close();
            throw e;
        }
    }

    private static void publish(Connection connection, Topic news, int first) throws JMSException {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer publisher = session.createProducer(news);
        for (int i = first; i < first + BATCH; i++) {
            publisher.send(session.createTextMessage("news " + i));
        }
        System.out.println("published news " + first + " to " + (first + BATCH - 1));
    }

    /** Receives one batch and checks that it is news {@code first} onwards, in order. */
    private static void expect(MessageConsumer subscriber, int first, String what) throws JMSException {
        List<String> received = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = first; i < first + BATCH; i++) {
            expected.add("news " + i);
            Message message = subscriber.receive(RECEIVE_TIMEOUT_MS);
            if (message != null) {
                received.add(message.getBody(String.class));
            }
        }
        System.out.println(what + ": " + received);
        if (!received.equals(expected)) {
            throw new IllegalStateException("expected " + expected + " but received " + received);
        }
    }
}
