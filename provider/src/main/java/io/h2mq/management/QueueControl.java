package io.h2mq.management;

import io.h2mq.engine.Administration;
import io.h2mq.selector.MessageSelector;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;

/**
 * The MBean of a queue. Operation failures reach JMX clients as exceptions of {@code java.lang} with the JMS
 * exception's message (a console has no Jakarta Messaging classes to read the original), and are logged whole.
 */
final class QueueControl extends DestinationControl implements QueueMXBean {
    private final Administration administration;

    QueueControl(CachedStatistics statistics, DestinationKey key, Administration administration) {
        super(statistics, key);
        this.administration = administration;
    }

    @Override
    public String getName() {
        return key.destination();
    }

    @Override
    public long purge() {
        return purge(null);
    }

    @Override
    public long purge(String selector) {
        return run("purging queue " + getName(), () -> administration.purge(getName(), selector(selector), null));
    }

    @Override
    public long moveMessages(String selector, String targetQueue) {
        if (targetQueue == null || targetQueue.isBlank()) {
            throw new IllegalArgumentException("moving the messages of queue " + getName() + " needs a target queue");
        }
        return run("moving messages from queue " + getName() + " to " + targetQueue,
                () -> administration.move(getName(), targetQueue, selector(selector), null));
    }

    @Override
    public long retryDeadLetters() {
        return run("retrying the dead letters of queue " + getName(),
                () -> administration.retryDeadLetters(getName(), null));
    }

    private static MessageSelector selector(String text) throws InvalidSelectorException {
        return MessageSelector.compile(text == null || text.isBlank() ? null : text);
    }

    @FunctionalInterface
    private interface Operation {
        long run() throws JMSException;
    }

    private long run(String what, Operation operation) {
        try {
            return operation.run();
        } catch (InvalidDestinationException | InvalidSelectorException e) {
            Engines.logFailure(what, e);
            throw new IllegalArgumentException(what + ": " + e.getMessage());
        } catch (JMSException e) {
            Engines.logFailure(what, e);
            throw new IllegalStateException(what + ": " + e.getMessage());
        } finally {
            statistics.invalidate();
        }
    }
}
