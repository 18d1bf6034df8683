package io.h2mq.engine;

import java.lang.System.Logger.Level;
import java.util.List;

import io.h2mq.H2mqDestination;
import io.h2mq.H2mqQueue;
import io.h2mq.message.H2mqMessage;
import io.h2mq.message.MessageCodec;
import io.h2mq.store.EntryRef;
import io.h2mq.store.NewMessage;
import io.h2mq.store.StoredEntry;
import io.h2mq.store.WriteBatch;

import jakarta.jms.JMSException;

/**
 * Moves a message that has used up its delivery attempts to its destination's dead-letter queue instead of
 * delivering it again. Checked when a message is claimed, so every way back — rollback, recover, a listener that
 * threw, a node that died holding it — counts the same. The moved message keeps its body, headers and properties
 * and gains {@value #ORIGINAL_DESTINATION}, {@value #DELIVERY_ATTEMPTS} and {@value #REASON}. A body stored apart
 * is not read: the database copies it to the moved message ({@link LargeBodies#moved}).
 */
final class DeadLetters {
    static final String ORIGINAL_DESTINATION = "H2MQ_ORIGINAL_DESTINATION";
    static final String DELIVERY_ATTEMPTS = "H2MQ_DELIVERY_ATTEMPTS";
    static final String REASON = "H2MQ_DEAD_LETTER_REASON";

    private static final System.Logger LOG = System.getLogger(DeadLetters.class.getName());

    private final Broker broker;

    DeadLetters(Broker broker) {
        this.broker = broker;
    }

    /** Whether the entry has used up its delivery attempts and is to move (not if it is in the dead-letter queue). */
    boolean exhausted(StoredEntry entry, H2mqMessage message) {
        DeliveryPolicy policy = broker.policyOf(message);
        H2mqDestination original = (H2mqDestination) message.getJMSDestination();
        boolean alreadyDeadLetter = original != null && original.isQueue()
                && original.name().equals(policy.deadLetterQueue());
        return policy.exhausted(entry.deliveryCount()) && !alreadyDeadLetter;
    }

    /** @return true if the claimed entry was exhausted and has been moved (the caller must not deliver it) */
    boolean moveIfExhausted(long endpointId, StoredEntry entry, H2mqMessage message) throws JMSException {
        if (!exhausted(entry, message)) {
            return false;
        }
        DeliveryPolicy policy = broker.policyOf(message);
        H2mqDestination original = (H2mqDestination) message.getJMSDestination();
        String reason = "delivered " + entry.deliveryCount() + " times without being consumed (maxDeliveryAttempts "
                + policy.maxDeliveryAttempts() + ")";
        H2mqMessage moved = H2mqMessage.copyOf(message);
        moved.setStringProperty(ORIGINAL_DESTINATION, String.valueOf(original));
        moved.setIntProperty(DELIVERY_ATTEMPTS, entry.deliveryCount());
        moved.setStringProperty(REASON, reason);
        H2mqQueue deadLetterQueue = new H2mqQueue(policy.deadLetterQueue());
        moved.setJMSDestination(deadLetterQueue);
        long dlqEndpoint = broker.queueEndpoint(deadLetterQueue);
        NewMessage copy = LargeBodies.moved(MessageCodec.encode(moved), entry.messageId(),
                List.of(new NewMessage.Target(dlqEndpoint, moved.getJMSPriority(), 0, moved.getJMSExpiration())));
        broker.write(new WriteBatch().send(copy).deadLetter(new EntryRef(entry.entryId(), entry.messageId(),
                endpointId, entry.size())));
        LOG.log(Level.WARNING, "h2mq moved message {0} from {1} to dead-letter queue {2}: {3}",
                message.getJMSMessageID(), original, deadLetterQueue.name(), reason);
        return true;
    }
}
