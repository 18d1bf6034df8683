package io.h2mq.engine;

import java.util.List;

import io.h2mq.message.EncodedMessage;
import io.h2mq.message.H2mqMessage;
import io.h2mq.message.MessageCodec;
import io.h2mq.store.LargeBody;
import io.h2mq.store.NewMessage;
import io.h2mq.store.StoreException;
import io.h2mq.store.StoredEntry;
import io.h2mq.store.WriteBatch;

import jakarta.jms.JMSException;

/**
 * Moves bodies stored apart (bytes and stream bodies above {@link MessageCodec#LARGE_BODY_THRESHOLD}) between messages
 * and the store. Messages are chosen by their heads alone; a body apart is read only for the one message handed to
 * the application — delivered or browsed — straight from the database's stream into the message's blocks. A send
 * streams the message's own blocks into the database; a move to a dead-letter or expiry queue copies the body inside
 * the database, never through the heap.
 *
 * <p>Thread-safe: it holds nothing but the broker.
 */
public final class LargeBodies {
    private final Broker broker;

    public LargeBodies(Broker broker) {
        this.broker = broker;
    }

    /** The message a send stores: the head, and the body apart streamed from the sender's blocks. */
    public static NewMessage toStore(EncodedMessage encoded, List<NewMessage.Target> targets) {
        if (!encoded.hasBodyApart()) {
            return new NewMessage(encoded.head(), targets);
        }
        if (!encoded.isBodyApartLoaded()) {
            throw new IllegalStateException("a message whose body apart was never loaded can only be stored as a "
                    + "copy of a stored message");
        }
        return new NewMessage(encoded.head(), new LargeBody.Streamed(encoded.bodyApartLength(),
                encoded::openBodyApart), targets);
    }

    /**
     * The message a move stores (a re-encoded head of the stored message {@code sourceMessageId}): a body apart that
     * was not loaded is copied from the source's row in the database.
     */
    static NewMessage moved(EncodedMessage encoded, long sourceMessageId, List<NewMessage.Target> targets) {
        if (encoded.hasBodyApart() && !encoded.isBodyApartLoaded()) {
            return new NewMessage(encoded.head(), new LargeBody.CopiedFrom(sourceMessageId,
                    encoded.bodyApartLength()), targets);
        }
        return toStore(encoded, targets);
    }

    /**
     * Attaches the body a claimed message awaits. If it cannot be read, the claim is given back (the message stays
     * on the endpoint, not redelivered) before the failure is thrown.
     */
    H2mqMessage attachClaimed(long endpointId, StoredEntry entry, H2mqMessage message) throws JMSException {
        try {
            if (!load(entry.messageId(), message)) {
                throw new JMSException("message " + message.getJMSMessageID() + " (entry " + entry.entryId()
                        + " of endpoint " + endpointId + ") has lost its body of " + (entry.size()
                        - entry.body().length) + " bytes stored apart");
            }
            return message;
        } catch (JMSException e) {
            giveBack(endpointId, entry, e);
            throw e;
        }
    }

    /**
     * Attaches the body a message decoded from {@code messageId} awaits, if any.
     *
     * @return false if the message left the store meanwhile (a browser skips it)
     */
    public boolean load(long messageId, H2mqMessage message) throws JMSException {
        if (!message.awaitsBody()) {
            return true;
        }
        try {
            return broker.store().readLargeBody(messageId,
                    (body, length) -> MessageCodec.attachBody(message, body, length));
        } catch (StoreException e) {
            throw JmsErrors.store("reading the body of message " + message.getJMSMessageID() + " (" + messageId
                    + ")", e);
        }
    }

    private void giveBack(long endpointId, StoredEntry entry, JMSException failure) {
        try {
            broker.write(new WriteBatch().giveBack(endpointId, entry.entryId()));
        } catch (JMSException e) {
            failure.addSuppressed(e);
        }
    }
}
