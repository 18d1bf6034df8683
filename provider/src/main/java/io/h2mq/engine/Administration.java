package io.h2mq.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

import io.h2mq.H2mqQueue;
import io.h2mq.message.EncodedMessage;
import io.h2mq.message.H2mqMessage;
import io.h2mq.message.MessageCodec;
import io.h2mq.selector.MessageSelector;
import io.h2mq.store.Cursor;
import io.h2mq.store.EndpointStatistics;
import io.h2mq.store.EntryRef;
import io.h2mq.store.NewMessage;
import io.h2mq.store.StoreException;
import io.h2mq.store.StoredEntry;
import io.h2mq.store.WriteBatch;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;

/**
 * An administrator's work on the queues of a store: statistics, purge, move, and the retry of dead letters.
 *
 * <p>Purge and move walk the ready entries of a queue a page at a time and claim each chosen entry, as a consumer
 * would, before they delete or move it: an entry a consumer of any process holds is never taken, and one a consumer
 * claims meanwhile is passed over. Each page is written through {@link Broker#write}, so depth and counters stay
 * exact and consumers of the target queue (in this process or, by the change feed, in others) are woken at once.
 * A moved message keeps its body, headers and properties, its JMSMessageID included; its JMSDestination becomes the
 * target queue and its delivery count starts again. If a page fails half-way, its claims are handed back and what
 * earlier pages did stays done.
 */
public final class Administration {
    private static final int PAGE = 200;
    private static final String QUEUE_PREFIX = "queue://";

    private final Broker broker;

    Administration(Broker broker) {
        this.broker = broker;
    }

    /** The figures of every queue and subscription of the store, of all processes. */
    public List<EndpointStatistics> statistics() throws JMSException {
        try {
            return broker.store().statistics(broker.clock().millis());
        } catch (StoreException e) {
            throw JmsErrors.store("reading the statistics of the store at " + broker.settings().url(), e);
        }
    }

    /** Deletes the ready messages of a queue the selector accepts; returns how many. */
    public long purge(String queue, MessageSelector selector, LongConsumer progress) throws JMSException {
        return relocate(queue, m -> selector.matches(m::selectorValue), (entry, message) -> Optional.empty(),
                progress);
    }

    /** Moves the ready messages of a queue the selector accepts to another queue (created if needed). */
    public long move(String from, String to, MessageSelector selector, LongConsumer progress) throws JMSException {
        if (from.equals(to)) {
            throw JmsErrors.invalidDestination("cannot move the messages of queue " + from + " to itself");
        }
        H2mqQueue target = new H2mqQueue(to);
        return relocate(from, m -> selector.matches(m::selectorValue),
                (entry, message) -> Optional.of(copy(entry, message, target)), progress);
    }

    /**
     * Sends each message of a dead-letter queue back to the queue its {@value DeadLetters#ORIGINAL_DESTINATION}
     * names. A message that came from a topic stays: sent to the topic again, it would reach every subscription.
     */
    public long retryDeadLetters(String deadLetterQueue, LongConsumer progress) throws JMSException {
        return relocate(deadLetterQueue, m -> originalQueue(m) != null,
                (entry, message) -> Optional.of(copy(entry, message, new H2mqQueue(originalQueue(message)))),
                progress);
    }

    private static String originalQueue(H2mqMessage message) {
        try {
            String original = message.getStringProperty(DeadLetters.ORIGINAL_DESTINATION);
            return original != null && original.startsWith(QUEUE_PREFIX)
                    ? original.substring(QUEUE_PREFIX.length()) : null;
        } catch (JMSException e) {
            return null; // not a string: not one of ours, so not retried
        }
    }

    /** Where a chosen entry goes: empty to delete it. */
    @FunctionalInterface
    private interface Destiny {
        Optional<NewMessage> of(StoredEntry entry, H2mqMessage message) throws JMSException;
    }

    private long relocate(String queue, Predicate<H2mqMessage> chosen, Destiny destiny, LongConsumer progress)
            throws JMSException {
        long endpointId = existingQueue(queue);
        long done = 0;
        Cursor after = null;
        List<StoredEntry> page;
        do {
            try {
                page = broker.store().ready(endpointId, after, PAGE);
            } catch (StoreException e) {
                throw JmsErrors.store("reading the messages of queue " + queue, e);
            }
            if (!page.isEmpty()) {
                after = Cursor.after(page.get(page.size() - 1));
                done += relocatePage(endpointId, page, chosen, destiny);
                if (progress != null) {
                    progress.accept(done);
                }
            }
        } while (page.size() == PAGE);
        return done;
    }

    private long existingQueue(String queue) throws JMSException {
        try {
            return broker.existingQueue(queue).orElseThrow(
                    () -> JmsErrors.invalidDestination("the store at " + broker.settings().url() + " has no queue "
                            + queue));
        } catch (StoreException e) {
            throw JmsErrors.store("finding queue " + queue, e);
        }
    }

    private int relocatePage(long endpointId, List<StoredEntry> page, Predicate<H2mqMessage> chosen, Destiny destiny)
            throws JMSException {
        List<StoredEntry> entries = new ArrayList<>();
        List<H2mqMessage> messages = new ArrayList<>();
        WriteBatch claims = new WriteBatch();
        for (StoredEntry entry : page) {
            H2mqMessage message = MessageCodec.decode(entry.body());
            if (chosen.test(message)) {
                entries.add(entry);
                messages.add(message);
                claims.claim(entry.entryId(), broker.nodeId(), broker.leaseUntil());
            }
        }
        broker.write(claims);
        WriteBatch moves = new WriteBatch();
        WriteBatch giveBack = new WriteBatch();
        try {
            for (int i = 0; i < entries.size(); i++) {
                StoredEntry entry = entries.get(i);
                if (claims.wasClaimed(entry.entryId())) {
                    giveBack.giveBack(endpointId, entry.entryId());
                    destiny.of(entry, messages.get(i)).ifPresent(moves::send);
                    moves.purge(new EntryRef(entry.entryId(), entry.messageId(), endpointId, entry.size()));
                }
            }
            broker.write(moves);
            return moves.purged().size();
        } catch (JMSException | RuntimeException e) {
            try {
                broker.write(giveBack);
            } catch (JMSException | RuntimeException notGivenBack) {
                e.addSuppressed(notGivenBack); // the lease lapses and the housekeeping hands them back
            }
            throw e;
        }
    }

    /** The message as it goes to {@code target}: same body, headers and properties, same JMSMessageID. */
    private NewMessage copy(StoredEntry entry, H2mqMessage message, H2mqQueue target) throws JMSException {
        H2mqMessage copy = H2mqMessage.copyOf(message);
        copy.setJMSDestination(target);
        EncodedMessage encoded = MessageCodec.encode(copy);
        NewMessage moved = LargeBodies.moved(encoded, entry.messageId(),
                broker.route(target, copy, encoded.size(), null));
        return copy.getJMSDeliveryMode() == DeliveryMode.NON_PERSISTENT ? moved.nonPersistent() : moved;
    }
}
