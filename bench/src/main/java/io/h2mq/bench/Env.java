package io.h2mq.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

/** What a workload runs against: one provider's connection factory, the run's settings and the message body. */
public final class Env {
    private final ConnectionFactory factory;
    private final BenchConfig config;
    private final byte[] body;

    public Env(ConnectionFactory factory, BenchConfig config) {
        this.factory = factory;
        this.config = config;
        this.body = new byte[config.messageSize()];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
    }

    public ConnectionFactory factory() {
        return factory;
    }

    public BenchConfig config() {
        return config;
    }

    /** A fresh BytesMessage with the configured body (1 KiB by default). */
    public BytesMessage message(Session session) throws JMSException {
        BytesMessage m = session.createBytesMessage();
        m.writeBytes(body);
        return m;
    }

    /** Receives the next message or fails: a null from a provider within the timeout means the workload is stuck. */
    public Message receive(MessageConsumer consumer, String what) throws JMSException {
        Message m = consumer.receive(config.receiveTimeoutMillis());
        if (m == null) {
            throw new IllegalStateException("no message within " + config.receiveTimeoutMillis() + " ms: " + what);
        }
        return m;
    }
}
