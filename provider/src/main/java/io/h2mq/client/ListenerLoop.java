package io.h2mq.client;

import java.lang.System.Logger.Level;

import io.h2mq.engine.Delivery;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * The session's thread of control for asynchronous delivery: one thread per session, started with its first message
 * listener, delivering to its consumers' listeners one message at a time in turn, as the spec's serial execution rule
 * asks. It sleeps on the session's signal, which new messages, the connection starting and recovery fire.
 */
final class ListenerLoop implements Runnable {
    private static final System.Logger LOG = System.getLogger(ListenerLoop.class.getName());
    private static final long RETRY_AFTER_FAILURE_NANOS = 1_000_000_000L;

    private final SessionImpl session;
    private Thread thread;
    private ConsumerImpl delivering;
    private volatile boolean stopping;

    ListenerLoop(SessionImpl session) {
        this.session = session;
    }

    synchronized void listenersChanged() {
        if (thread == null && !stopping) {
            thread = new Thread(this, "h2mq-listener-" + session.connection().id());
            thread.setDaemon(true);
            thread.start();
        }
        session.wakeSignal().fire();
    }

    /** Stops delivery and waits for a listener that is running to return. */
    void stop() {
        Thread running;
        synchronized (this) {
            stopping = true;
            running = thread;
        }
        session.wakeSignal().fire();
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits until the listener of {@code consumer} is not running, unless the caller is that listener. */
    synchronized void awaitNotDelivering(ConsumerImpl consumer) {
        while (delivering == consumer && Thread.currentThread() != thread) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized void setDelivering(ConsumerImpl consumer) {
        delivering = consumer;
        notifyAll();
    }

    @Override
    public void run() {
        long deadline = Long.MAX_VALUE;
        while (!stopping) {
            long seen = session.wakeSignal().version();
            boolean delivered = false;
            try {
                for (ConsumerImpl consumer : session.consumers()) {
                    MessageListener listener = consumer.listener();
                    if (stopping) {
                        return;
                    }
                    if (listener != null && deliverOne(consumer, listener)) {
                        delivered = true;
                    }
                }
                if (!delivered) {
                    session.idle();
                }
                deadline = Long.MAX_VALUE;
            } catch (JMSException e) {
                session.connection().reportFailure(e);
                deadline = System.nanoTime() + RETRY_AFTER_FAILURE_NANOS;
            }
            if (!delivered && !awaitWake(seen, deadline)) {
                return;
            }
        }
    }

    private boolean awaitWake(long seen, long deadline) {
        try {
            session.wakeSignal().awaitChange(seen, deadline);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean deliverOne(ConsumerImpl consumer, MessageListener listener) throws JMSException {
        DeliveryGate gate = session.connection().gate();
        if (!gate.enter()) {
            return false;
        }
        try {
            Delivery delivery = consumer.pollForListener();
            if (delivery == null) {
                return false;
            }
            setDelivering(consumer);
            Message message = session.handOver(delivery);
            session.afterListener(delivery, !callListener(listener, message));
            return true;
        } finally {
            setDelivering(null);
            gate.exit();
        }
    }

    /** @return false when the listener threw, which the spec calls a programming error of the client */
    private boolean callListener(MessageListener listener, Message message) {
        ListenerThreads.enterListener(session);
        try {
            listener.onMessage(message);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "message listener " + listener + " threw on message " + describe(message), e);
            return false;
        } finally {
            ListenerThreads.exitListener();
        }
    }

    private static String describe(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return String.valueOf(message);
        }
    }
}
