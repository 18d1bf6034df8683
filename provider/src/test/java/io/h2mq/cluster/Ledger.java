package io.h2mq.cluster;

import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * What the consumer processes of {@link QueueAcrossProcessesTest} said about each message, by id: who received it,
 * whether it came marked redelivered, and whose acknowledgement returned for it. One consumer is the victim, killed
 * in the middle of a batch; the others are survivors. The checks are questions asked at the end, once every line
 * (including those the victim printed just before it died) has been recorded.
 *
 * <p>Not thread-safe: one thread records and asks.
 */
final class Ledger {
    private final int messages;
    private final byte[] victimReceipts;
    private final byte[] survivorReceipts;
    private final byte[] survivorRedelivered;
    private final BitSet victimAcked = new BitSet();
    private final BitSet acked = new BitSet();
    private final BitSet received = new BitSet();
    private int receipts;

    Ledger(int messages) {
        this.messages = messages;
        this.victimReceipts = new byte[messages];
        this.survivorReceipts = new byte[messages];
        this.survivorRedelivered = new byte[messages];
    }

    /** A receipt; returns true when it is a survivor's receipt of a message the victim had received. */
    boolean received(boolean byVictim, int id, boolean redelivered) {
        receipts++;
        received.set(id);
        if (byVictim) {
            victimReceipts[id]++;
            return false;
        }
        survivorReceipts[id]++;
        if (redelivered) {
            survivorRedelivered[id]++;
        }
        return victimReceipts[id] > 0;
    }

    void acknowledged(boolean byVictim, int id) {
        acked.set(id);
        if (byVictim) {
            victimAcked.set(id);
        }
    }

    int distinctReceived() {
        return received.cardinality();
    }

    int acknowledged() {
        return acked.cardinality();
    }

    boolean allAcknowledged() {
        return acked.cardinality() == messages;
    }

    int receipts() {
        return receipts;
    }

    /** Ids no acknowledgement returned for: lost, unless still on their way. */
    IntStream unacknowledged() {
        return IntStream.range(0, messages).filter(id -> !acked.get(id));
    }

    /** Ids the victim received and never acknowledged: they must come back, marked redelivered. */
    IntStream heldByVictim() {
        return IntStream.range(0, messages).filter(id -> victimReceipts[id] > 0 && !victimAcked.get(id));
    }

    /** Ids received more than once. */
    IntStream duplicated() {
        return IntStream.range(0, messages).filter(id -> victimReceipts[id] + survivorReceipts[id] > 1);
    }

    /**
     * Duplicates the contract does not allow: the only permitted second delivery is a survivor's, once, of a message
     * the victim received once and did not acknowledge.
     */
    IntStream forbiddenDuplicates() {
        return duplicated().filter(id -> victimReceipts[id] != 1 || survivorReceipts[id] != 1
                || victimAcked.get(id));
    }

    /** Survivors' deliveries of what the victim had received that were not marked JMSRedelivered. */
    IntStream unmarkedSecondDeliveries() {
        return IntStream.range(0, messages)
                .filter(id -> victimReceipts[id] > 0 && survivorRedelivered[id] < survivorReceipts[id]);
    }

    /** Survivors' deliveries marked redelivered. */
    int redeliveredReceipts() {
        return IntStream.range(0, messages).map(id -> survivorRedelivered[id]).sum();
    }

    /**
     * Ids a survivor received marked redelivered that the victim never announced: what the victim's node had claimed
     * ahead (its prefetch) or was receiving when it died.
     */
    IntStream redeliveredUnseenByVictim() {
        return IntStream.range(0, messages).filter(id -> survivorRedelivered[id] > 0 && victimReceipts[id] == 0);
    }

    String summary() {
        return messages + " messages: " + distinctReceived() + " received (" + receipts + " receipts), "
                + acknowledged() + " acknowledged, " + heldByVictim().count() + " held by the victim";
    }
}
