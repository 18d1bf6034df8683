package io.h2mq.client;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.h2mq.engine.JmsErrors;

import jakarta.jms.CompletionListener;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * Asynchronous send of one session: the send is made durable as for a synchronous one, then the completion listener
 * is called on a provider thread (never the sender's), one session's callbacks in send order. {@link #awaitOutstanding}
 * lets commit and close wait for callbacks not yet made, as the spec requires.
 */
final class CompletionDispatcher {
    @FunctionalInterface
    interface SendWork {
        void run() throws JMSException;
    }

    private final SessionImpl session;
    private ExecutorService executor;
    private int outstanding;

    CompletionDispatcher(SessionImpl session) {
        this.session = session;
    }

    void send(SendWork work, Message message, CompletionListener listener) {
        JMSException failure = null;
        try {
            work.run();
        } catch (JMSException e) {
            failure = e;
        }
        JMSException result = failure;
        executor().execute(() -> complete(message, listener, result));
    }

    private synchronized ExecutorService executor() {
        outstanding++;
        if (executor == null) {
            executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "h2mq-completion-" + session.connection().id());
                t.setDaemon(true);
                return t;
            });
        }
        return executor;
    }

    private void complete(Message message, CompletionListener listener, JMSException failure) {
        ListenerThreads.enterCompletion(session);
        try {
            if (failure == null) {
                listener.onCompletion(message);
            } else {
                listener.onException(message, failure);
            }
        } finally {
            ListenerThreads.exitCompletion();
            synchronized (this) {
                outstanding--;
                notifyAll();
            }
        }
    }

    /** Waits until every completion listener of this session has been called. */
    synchronized void awaitOutstanding() throws JMSException {
        while (outstanding > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw JmsErrors.withCause(new JMSException("interrupted while waiting for " + outstanding
                        + " asynchronous sends to complete"), e);
            }
        }
    }

    synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
        }
    }
}
