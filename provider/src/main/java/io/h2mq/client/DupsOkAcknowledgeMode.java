package io.h2mq.client;

import java.util.ArrayList;
import java.util.List;

import io.h2mq.engine.Broker;
import io.h2mq.engine.Delivery;
import io.h2mq.store.WriteBatch;

import jakarta.jms.JMSException;

/**
 * DUPS_OK_ACKNOWLEDGE: acknowledged like AUTO_ACKNOWLEDGE, but lazily, as the spec allows. Consumed messages are
 * acknowledged together, {@value #ACK_BATCH} at a time, when the session finds nothing more to deliver, and on
 * recover and close; the write joins the next group commit without the session waiting for it. If the JVM dies
 * first, those messages come back marked redelivered: the duplicates this mode accepts.
 */
final class DupsOkAcknowledgeMode extends AutoAcknowledgeMode {
    static final int ACK_BATCH = 100;

    /** Consumed messages whose acknowledgement is not yet written. */
    private final List<Delivery> consumed = new ArrayList<>();

    DupsOkAcknowledgeMode(Broker broker) {
        super(broker);
    }

    /** Its acknowledgements are put off, which a consumption in the claiming write would not save. */
    @Override
    boolean consumesOnReceive() {
        return false;
    }

    /** Acknowledged later, with others: see the class comment. */
    @Override
    void consumed(Delivery delivery) {
        if (unacknowledged.remove(delivery)) {
            consumed.add(delivery);
            if (consumed.size() >= ACK_BATCH) {
                acknowledgeConsumed();
            }
        }
    }

    @Override
    void idle() {
        acknowledgeConsumed();
    }

    @Override
    void recover() throws JMSException {
        acknowledgeConsumed();
        super.recover();
    }

    @Override
    void close() throws JMSException {
        acknowledgeConsumed();
        broker.awaitWrites();
        super.close();
    }

    private void acknowledgeConsumed() {
        if (consumed.isEmpty()) {
            return;
        }
        WriteBatch batch = new WriteBatch();
        consumed.forEach(d -> batch.acknowledge(d.entry()));
        consumed.clear();
        broker.writeLater(batch);
    }
}
