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
 * Clears an endpoint of its expired messages: dropped, or moved to the destination's expiry queue when one is
 * configured. A moved message keeps its body, headers and properties, gains {@value #ORIGINAL_DESTINATION} and
 * {@value #EXPIRED_AT}, and no longer expires (it would otherwise expire again in the expiry queue). Expired messages
 * are never delivered either way: takes skip them. A body stored apart is not read: the database copies it to the
 * moved message ({@link LargeBodies#moved}).
 */
final class Expiry {
    static final String ORIGINAL_DESTINATION = "H2MQ_ORIGINAL_DESTINATION";
    static final String EXPIRED_AT = "H2MQ_EXPIRED_AT";
    private static final int PAGE = 500;
    private static final System.Logger LOG = System.getLogger(Expiry.class.getName());

    private final Broker broker;

    Expiry(Broker broker) {
        this.broker = broker;
    }

    /**
     * Sweeps every endpoint whose earliest expiry has passed, whether anyone consumes from it or not, and sets when
     * each is due next; one that this leaves half done is due again at {@code recheckAt}.
     */
    void sweepDue(long now, long recheckAt) throws JMSException {
        for (long endpointId : broker.store().expiryDue(now)) {
            if (Thread.currentThread().isInterrupted()) {
                return; // the engine is stopping
            }
            sweep(endpointId, now);
            broker.store().rearmExpiry(endpointId, recheckAt);
        }
    }

    void sweep(long endpointId, long now) throws JMSException {
        if (!broker.policies().anyExpiryQueue()) {
            if (broker.store().purgeExpired(endpointId, now) > 0) {
                broker.roomFreed(endpointId);
            }
            return;
        }
        List<StoredEntry> expired;
        do {
            expired = broker.store().expired(endpointId, now, PAGE);
            // Claimed first, and moved only where the claim won: another consumer, of this process or another one
            // sharing the store, may be sweeping the same endpoint, and each message goes to the expiry queue once.
            WriteBatch claims = new WriteBatch();
            expired.forEach(e -> claims.claim(e.entryId(), broker.nodeId(), broker.leaseUntil()));
            broker.write(claims);
            WriteBatch batch = new WriteBatch();
            int moved = 0;
            for (StoredEntry entry : expired) {
                if (!claims.wasClaimed(entry.entryId())) {
                    continue;
                }
                H2mqMessage message = MessageCodec.decode(entry.body());
                String expiryQueue = message.getJMSDestination() instanceof H2mqDestination d
                        ? broker.policies().expiryQueueOf(d.name()) : null;
                if (expiryQueue != null) {
                    batch.send(moved(message, entry, expiryQueue));
                    moved++;
                }
                batch.expire(new EntryRef(entry.entryId(), entry.messageId(), endpointId, entry.size()));
            }
            broker.write(batch);
            if (moved > 0) {
                LOG.log(Level.INFO, "h2mq moved {0} expired messages of endpoint {1} to their expiry queue", moved,
                        endpointId);
            }
        } while (expired.size() == PAGE);
    }

    private NewMessage moved(H2mqMessage message, StoredEntry entry, String expiryQueue) throws JMSException {
        H2mqMessage copy = H2mqMessage.copyOf(message);
        copy.setStringProperty(ORIGINAL_DESTINATION, String.valueOf(message.getJMSDestination()));
        copy.setLongProperty(EXPIRED_AT, entry.expiresAt());
        copy.setJMSExpiration(0);
        H2mqQueue queue = new H2mqQueue(expiryQueue);
        copy.setJMSDestination(queue);
        return LargeBodies.moved(MessageCodec.encode(copy), entry.messageId(),
                List.of(new NewMessage.Target(broker.queueEndpoint(queue), copy.getJMSPriority(), 0, 0)));
    }
}
