package io.h2mq.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.h2mq.store.BranchId;
import io.h2mq.store.EntryRef;
import io.h2mq.store.StoreException;
import io.h2mq.store.WriteBatch;

import jakarta.jms.JMSException;

/**
 * The global-transaction branches of one store in this JVM, known to every XAResource of it (the transaction manager
 * may finish a branch through any resource for which {@code isSameRM} is true). Branches not yet prepared are here;
 * prepared ones are in the store, so they survive a crash and any node can commit them.
 */
public final class XaBranches {
    private final Broker broker;
    private final Map<BranchId, XaBranch> unprepared = new ConcurrentHashMap<>();

    XaBranches(Broker broker) {
        this.broker = broker;
    }

    /** A new branch, or null if one with this id is already in progress or prepared. */
    public XaBranch begin(BranchId id, long timeoutMillis) throws JMSException {
        if (isPrepared(id)) {
            return null;
        }
        XaBranch branch = new XaBranch(id);
        if (unprepared.putIfAbsent(id, branch) != null) {
            return null;
        }
        if (timeoutMillis > 0) {
            broker.schedule(() -> timeOut(branch), timeoutMillis);
        }
        return branch;
    }

    public XaBranch find(BranchId id) {
        return unprepared.get(id);
    }

    public boolean isPrepared(BranchId id) throws JMSException {
        return broker.preparedBranches().contains(id);
    }

    /** Makes the branch's work durable but not effective; the branch then lives in the store only. */
    public void prepare(XaBranch branch) throws JMSException {
        List<Long> consumed = branch.consumedDeliveries().stream().map(d -> d.entry().entryId()).toList();
        try {
            broker.store().prepare(branch.id(), broker.nodeId(), branch.sends(), consumed);
        } catch (StoreException e) {
            throw JmsErrors.store("preparing " + branch.id(), e);
        }
        unprepared.remove(branch.id());
    }

    /** One-phase commit: the branch's sends and acknowledgements in one database transaction. */
    public void commitOnePhase(XaBranch branch) throws JMSException {
        WriteBatch batch = new WriteBatch();
        branch.sends().forEach(batch::send);
        for (Delivery d : branch.consumedDeliveries()) {
            batch.acknowledge(d.entry());
        }
        broker.write(batch);
        unprepared.remove(branch.id());
    }

    /** Rolls back a branch that was not prepared: sends dropped, consumed messages back, marked redelivered. */
    public void rollback(XaBranch branch) throws JMSException {
        unprepared.remove(branch.id());
        handBack(branch);
    }

    private void handBack(XaBranch branch) throws JMSException {
        WriteBatch batch = new WriteBatch();
        for (Delivery d : branch.discard()) {
            broker.redeliver(batch, d);
        }
        broker.write(batch);
    }

    /** Forgets a branch that was rolled back (by timeout) after the manager learned of it. */
    public void forget(BranchId id) {
        unprepared.remove(id);
    }

    private void timeOut(XaBranch branch) {
        XaBranch.State state = branch.state();
        if (unprepared.get(branch.id()) != branch || state == XaBranch.State.TIMED_OUT) {
            return;
        }
        branch.setState(XaBranch.State.TIMED_OUT);
        try {
            handBack(branch);
        } catch (JMSException e) {
            System.getLogger(XaBranches.class.getName()).log(System.Logger.Level.WARNING,
                    "could not hand back the messages of timed-out " + branch.id()
                            + "; they return when this node's claims are reclaimed", e);
        }
    }
}
