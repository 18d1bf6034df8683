package io.h2mq.engine;

import java.util.ArrayList;
import java.util.List;

import io.h2mq.store.BranchId;
import io.h2mq.store.NewMessage;

/**
 * The work of one global-transaction branch before it is prepared: the messages it sent and the deliveries it
 * consumed, held in memory (a branch that is never prepared leaves nothing in the store). Once prepared, the branch
 * lives in the store and this object is dropped.
 *
 * <p>Thread-safe: the application's thread adds work while the transaction manager's thread ends, prepares or times
 * out the branch.
 */
public final class XaBranch {
    /** Where the branch is in the XA protocol. */
    public enum State { ACTIVE, SUSPENDED, ENDED, ROLLBACK_ONLY, TIMED_OUT }

    private final BranchId id;
    private final List<NewMessage> sends = new ArrayList<>();
    private final List<Delivery> consumed = new ArrayList<>();
    private State state = State.ACTIVE;

    XaBranch(BranchId id) {
        this.id = id;
    }

    public BranchId id() {
        return id;
    }

    public synchronized State state() {
        return state;
    }

    public synchronized void setState(State state) {
        this.state = state;
    }

    /** Work done while the branch timed out is dropped with it. */
    public synchronized void send(NewMessage message) {
        if (state != State.TIMED_OUT) {
            sends.add(message);
        }
    }

    public synchronized void consumed(Delivery delivery) {
        consumed.add(delivery);
    }

    public synchronized List<NewMessage> sends() {
        return List.copyOf(sends);
    }

    public synchronized List<Delivery> consumedDeliveries() {
        return List.copyOf(consumed);
    }

    public synchronized boolean isEmpty() {
        return sends.isEmpty() && consumed.isEmpty();
    }

    /** Forgets the work, returning what was consumed so it can be handed back. */
    synchronized List<Delivery> discard() {
        List<Delivery> released = new ArrayList<>(consumed);
        sends.clear();
        consumed.clear();
        return released;
    }
}
