package io.h2mq.client;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Deque;

import io.h2mq.engine.Delivery;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * The application-server side of a session: a {@link ConnectionConsumerImpl} loads claimed messages into it, and the
 * server's thread calls {@code Session.run()}, which hands them to the session's own message listener. Ordinary
 * applications never use this.
 */
final class ServerSessionDeliveries {
    private static final System.Logger LOG = System.getLogger(ServerSessionDeliveries.class.getName());

    private final SessionImpl session;
    private final Deque<Delivery> loaded = new ArrayDeque<>();
    private volatile MessageListener listener;

    ServerSessionDeliveries(SessionImpl session) {
        this.session = session;
    }

    MessageListener listener() {
        return listener;
    }

    void setListener(MessageListener listener) {
        this.listener = listener;
    }

    synchronized void load(Delivery delivery) {
        loaded.add(delivery);
    }

    private synchronized Delivery next() {
        return loaded.poll();
    }

    void run() {
        Delivery delivery;
        while ((delivery = next()) != null) {
            MessageListener target = listener;
            if (target == null || session.isClosed()) {
                giveBack(delivery);
                continue;
            }
            Message message = session.handOver(delivery);
            boolean threw = false;
            ListenerThreads.enterListener(session);
            try {
                target.onMessage(message);
            } catch (RuntimeException e) {
                threw = true;
                LOG.log(Level.WARNING, "session message listener " + target + " threw", e);
            } finally {
                ListenerThreads.exitListener();
            }
            try {
                session.afterListener(delivery, threw);
            } catch (JMSException e) {
                session.connection().reportFailure(e);
            }
        }
    }

    private void giveBack(Delivery delivery) {
        try {
            session.connection().broker().write(new io.h2mq.store.WriteBatch()
                    .giveBack(delivery.endpointId(), delivery.entry().entryId()));
        } catch (JMSException e) {
            session.connection().reportFailure(e);
        }
    }
}
