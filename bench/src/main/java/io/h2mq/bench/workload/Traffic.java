package io.h2mq.bench.workload;

import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import io.h2mq.bench.Env;

/** The building blocks the workloads share: send N, receive N (committing every {@code batch} if transacted). */
final class Traffic {
    private Traffic() {
    }

    /** Sends {@code n} messages; a transacted session commits after every {@code batch} and at the end. */
    static void send(Env env, Session session, MessageProducer producer, int n, int batch) throws JMSException {
        for (int i = 1; i <= n; i++) {
            producer.send(env.message(session));
            if (session.getTransacted() && (i % batch == 0 || i == n)) {
                session.commit();
            }
        }
    }

    /** Receives {@code n} messages; a transacted session commits after every {@code batch} and at the end. */
    static void receive(Env env, Session session, MessageConsumer consumer, int n, int batch, String what)
            throws JMSException {
        for (int i = 1; i <= n; i++) {
            env.receive(consumer, what + " (" + (i - 1) + " of " + n + " received)");
            if (session.getTransacted() && (i % batch == 0 || i == n)) {
                session.commit();
            }
        }
    }

    /** Messages per second. */
    static double rate(long messages, long nanos) {
        return messages * 1e9 / Math.max(1, nanos);
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }
}
