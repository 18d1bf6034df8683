package io.h2mq.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Enumeration;
import java.util.List;
import java.util.NoSuchElementException;

import io.h2mq.H2mqDestination;
import io.h2mq.engine.JmsErrors;
import io.h2mq.engine.LargeBodies;
import io.h2mq.message.H2mqMessage;
import io.h2mq.message.MessageCodec;
import io.h2mq.security.Permission;
import io.h2mq.selector.MessageSelector;
import io.h2mq.store.Cursor;
import io.h2mq.store.StoredEntry;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;

/**
 * Looks at a queue without consuming: each enumeration walks the queue in delivery order a page at a time, so a deep
 * queue is never loaded into memory at once. Messages that arrive or leave during the walk may or may not be seen, as
 * the spec allows. A page holds heads only: a body stored apart is read for the next message to be returned, one at
 * a time, and a message whose body left the store before that is skipped.
 */
final class BrowserImpl implements QueueBrowser {
    private static final int PAGE = 100;

    private final SessionImpl session;
    private final H2mqDestination queue;
    private final String selectorText;
    private final MessageSelector selector;
    private final long endpointId;
    private final LargeBodies largeBodies;
    private volatile boolean closed;

    private BrowserImpl(SessionImpl session, H2mqDestination queue, String selectorText, MessageSelector selector,
                        long endpointId) {
        this.session = session;
        this.queue = queue;
        this.selectorText = selectorText;
        this.selector = selector;
        this.endpointId = endpointId;
        this.largeBodies = new LargeBodies(session.connection().broker());
    }

    static BrowserImpl open(SessionImpl session, H2mqDestination queue, String selector) throws JMSException {
        MessageSelector compiled = MessageSelector.compile(selector);
        session.connection().check(Permission.BROWSE, queue);
        long endpointId = session.connection().broker().queueEndpoint(queue);
        return new BrowserImpl(session, queue, selector, compiled, endpointId);
    }

    private void checkOpen() throws JMSException {
        if (closed) {
            throw JmsErrors.closed("queue browser on " + queue);
        }
        session.checkOpen();
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return (Queue) queue;
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return selectorText;
    }

    @Override
    public Enumeration<Message> getEnumeration() throws JMSException {
        checkOpen();
        return new Walk();
    }

    @Override
    public void close() throws JMSException {
        closed = true;
        session.browserClosed(this);
    }

    void closeFromSession() {
        closed = true;
    }

    private record Browsed(long messageId, H2mqMessage message) {
    }

    /** One pass over the queue. */
    private final class Walk implements Enumeration<Message> {
        private final Deque<Browsed> page = new ArrayDeque<>();
        private Cursor cursor;
        private boolean exhausted;

        /** True when the next message is ready to return, its body apart loaded. */
        @Override
        public boolean hasMoreElements() {
            while (true) {
                while (page.isEmpty() && !exhausted && !closed) {
                    fetch();
                }
                if (page.isEmpty() || loaded(page.peek())) {
                    return !page.isEmpty();
                }
                page.poll();
            }
        }

        @Override
        public Message nextElement() {
            if (!hasMoreElements()) {
                throw new NoSuchElementException("no more messages on " + queue);
            }
            return page.poll().message();
        }

        private boolean loaded(Browsed next) {
            try {
                return largeBodies.load(next.messageId(), next.message());
            } catch (JMSException e) {
                throw new IllegalStateException("browsing " + queue + " failed: " + e.getMessage(), e);
            }
        }

        private void fetch() {
            try {
                List<StoredEntry> entries = session.connection().broker().browse(endpointId, cursor, PAGE);
                for (StoredEntry entry : entries) {
                    H2mqMessage message = MessageCodec.decode(entry.body());
                    if (selector.matches(message::selectorValue)) {
                        message.setJMSRedelivered(entry.deliveryCount() > 0);
                        message.setDeliveryCount(entry.deliveryCount() + 1);
                        page.add(new Browsed(entry.messageId(), message));
                    }
                }
                exhausted = entries.size() < PAGE;
                if (!entries.isEmpty()) {
                    cursor = Cursor.after(entries.get(entries.size() - 1));
                }
            } catch (JMSException e) {
                // Enumeration cannot throw checked exceptions; the failure must still reach the caller.
                throw new IllegalStateException("browsing " + queue + " failed: " + e.getMessage(), e);
            }
        }
    }
}
