package io.h2mq.ra.inbound;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.h2mq.H2mqConnectionFactory;
import io.h2mq.ra.StoreSettings;

import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/** An h2mq store in a test directory, and a client of it that sends and drains as the application around a bean. */
final class TestStore {
    final String url;
    private final H2mqConnectionFactory factory;

    TestStore(Path dir) {
        this("jdbc:h2:file:" + dir.resolve("h2mq"));
    }

    TestStore(String url) {
        this.url = url;
        this.factory = new H2mqConnectionFactory(url);
    }

    /** The resource adapter's settings pointing at this store. */
    StoreSettings adapterSettings() {
        StoreSettings settings = new StoreSettings();
        settings.setUrl(url);
        return settings;
    }

    /** Sends "prefix-0" … "prefix-(n-1)" in transactions of 100. */
    void sendMany(Destination destination, String prefix, int n) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(destination);
            for (int i = 0; i < n; i++) {
                producer.send(session.createTextMessage(prefix + "-" + i));
                if (i % 100 == 99) {
                    session.commit();
                }
            }
            session.commit();
        }
    }

    void send(Destination destination, String text) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            connection.createSession().createProducer(destination).send(connection.createSession()
                    .createTextMessage(text));
        }
    }

    /** Texts of every message left on the queue. */
    List<String> drain(Queue queue) throws JMSException {
        return drain(queue, new ArrayList<>());
    }

    /** The messages left on the queue, as they came. */
    List<Message> drainMessages(Queue queue) throws JMSException {
        List<Message> messages = new ArrayList<>();
        try (Connection connection = factory.createConnection()) {
            connection.start();
            MessageConsumer consumer = connection.createSession().createConsumer(queue);
            for (Message m = consumer.receiveNoWait(); m != null; m = consumer.receiveNoWait()) {
                messages.add(m);
            }
        }
        return messages;
    }

    private List<String> drain(Queue queue, List<String> texts) throws JMSException {
        for (Message m : drainMessages(queue)) {
            texts.add(((TextMessage) m).getText());
        }
        return texts;
    }

    /** Messages on the queue now, counted by a browser; for wait conditions, so failures are assertion errors. */
    int count(Queue queue) {
        try (Connection connection = factory.createConnection()) {
            java.util.Enumeration<?> messages = connection.createSession().createBrowser(queue).getEnumeration();
            int n = 0;
            for (; messages.hasMoreElements(); messages.nextElement()) {
                n++;
            }
            return n;
        } catch (JMSException e) {
            throw new AssertionError("cannot browse " + queue, e);
        }
    }

    Connection connect() throws JMSException {
        return factory.createConnection();
    }
}
