package io.h2mq.ra.it.recovery;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A second participant in the transfer's transaction that ends the server process, as {@code kill -9} would, when the
 * transaction manager calls it in the chosen phase. Enlisted before the h2mq branch it halts in commit: the
 * transaction manager has logged its decision to commit and the h2mq branch is prepared, not committed. Enlisted
 * after it, it halts in prepare: the h2mq branch is prepared and no decision was ever logged.
 */
public final class HaltingXAResource implements XAResource {
    /** The phase in which the server stops. */
    public enum Phase {
        PREPARE, COMMIT
    }

    private final Phase haltIn;

    public HaltingXAResource(Phase haltIn) {
        this.haltIn = haltIn;
    }

    @Override
    public int prepare(Xid xid) {
        haltIf(Phase.PREPARE, xid);
        return XA_OK;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        if (onePhase) {
            // With one participant there is no prepared branch to recover; the test would prove nothing.
            throw new XAException("one-phase commit of " + xid + ": the h2mq branch was not enlisted");
        }
        haltIf(Phase.COMMIT, xid);
    }

    private void haltIf(Phase phase, Xid xid) {
        if (phase == haltIn) {
            System.err.println("HaltingXAResource: halting the server in " + phase + " of " + xid);
            System.err.flush();
            Runtime.getRuntime().halt(137);
        }
    }

    @Override
    public void rollback(Xid xid) {
        // Nothing of this participant's own to undo.
    }

    @Override
    public void start(Xid xid, int flags) {
    }

    @Override
    public void end(Xid xid, int flags) {
    }

    @Override
    public void forget(Xid xid) {
    }

    @Override
    public Xid[] recover(int flag) {
        return new Xid[0];
    }

    @Override
    public boolean isSameRM(XAResource other) {
        return other == this;
    }

    @Override
    public int getTransactionTimeout() {
        return 0;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) {
        return false;
    }
}
