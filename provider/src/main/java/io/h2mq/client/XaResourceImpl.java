package io.h2mq.client;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import io.h2mq.engine.Broker;
import io.h2mq.engine.XaBranch;
import io.h2mq.engine.XaBranches;
import io.h2mq.store.BranchId;

import jakarta.jms.JMSException;

/**
 * The XAResource of one XA session: the XA protocol (start/end with join, suspend and resume; one- and two-phase
 * commit; rollback; recovery) over the store's branches. Prepare makes the branch's sends and acknowledgements
 * durable in one database transaction, so a prepared branch survives {@code kill -9} and can be committed or rolled
 * back by any process on the store after a restart.
 *
 * <p>Called by a transaction manager, possibly from threads other than the session's.
 */
final class XaResourceImpl implements XAResource {
    private final XASessionImpl session;
    private final Broker broker;
    private final XaBranches branches;
    private volatile int timeoutSeconds;

    XaResourceImpl(XASessionImpl session, Broker broker) {
        this.session = session;
        this.broker = broker;
        this.branches = broker.xaBranches();
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        BranchId id = XidValue.branchOf(xid);
        if (session.xaMode().branch() != null) {
            throw error(XAException.XAER_PROTO, "the session is already associated with "
                    + session.xaMode().branch().id());
        }
        XaBranch branch;
        if (flags == TMNOFLAGS) {
            branch = call(() -> branches.begin(id, timeoutSeconds * 1000L));
            if (branch == null) {
                throw error(XAException.XAER_DUPID, id + " already exists");
            }
        } else if (flags == TMJOIN || flags == TMRESUME) {
            branch = existing(id);
            XaBranch.State expected = flags == TMJOIN ? XaBranch.State.ENDED : XaBranch.State.SUSPENDED;
            if (branch.state() == XaBranch.State.TIMED_OUT) {
                throw error(XAException.XA_RBTIMEOUT, id + " timed out and was rolled back");
            }
            if (branch.state() != expected && !(flags == TMJOIN && branch.state() == XaBranch.State.ACTIVE)) {
                throw error(XAException.XAER_PROTO, id + " is " + branch.state() + ", cannot "
                        + (flags == TMJOIN ? "join" : "resume"));
            }
        } else {
            throw error(XAException.XAER_INVAL, "start flags " + flags + " (expected TMNOFLAGS, TMJOIN or TMRESUME)");
        }
        branch.setState(XaBranch.State.ACTIVE);
        session.associate(branch);
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        BranchId id = XidValue.branchOf(xid);
        XaBranch branch = session.xaMode().branch();
        if (branch == null || !branch.id().equals(id)) {
            throw error(XAException.XAER_PROTO, "the session is not associated with " + id);
        }
        session.associate(null);
        XaBranch.State state = branch.state();
        if (state == XaBranch.State.TIMED_OUT) {
            throw error(XAException.XA_RBTIMEOUT, id + " timed out and was rolled back");
        }
        if (flags == TMSUSPEND) {
            branch.setState(XaBranch.State.SUSPENDED);
        } else if (flags == TMFAIL) {
            branch.setState(XaBranch.State.ROLLBACK_ONLY);
        } else if (flags == TMSUCCESS) {
            if (state != XaBranch.State.ROLLBACK_ONLY) {
                branch.setState(XaBranch.State.ENDED);
            }
        } else {
            throw error(XAException.XAER_INVAL, "end flags " + flags + " (expected TMSUCCESS, TMFAIL or TMSUSPEND)");
        }
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        XaBranch branch = endedBranch(XidValue.branchOf(xid));
        if (branch.isEmpty()) {
            branches.forget(branch.id());
            return XA_RDONLY;
        }
        call(() -> {
            branches.prepare(branch);
            return null;
        });
        return XA_OK;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        BranchId id = XidValue.branchOf(xid);
        if (onePhase) {
            XaBranch branch = endedBranch(id);
            call(() -> {
                branches.commitOnePhase(branch);
                return null;
            });
            return;
        }
        if (branches.find(id) != null) {
            throw error(XAException.XAER_PROTO, id + " was not prepared: two-phase commit needs prepare first");
        }
        if (!call(() -> broker.commitPrepared(id))) {
            throw error(XAException.XAER_NOTA, "no prepared branch " + id);
        }
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        BranchId id = XidValue.branchOf(xid);
        XaBranch branch = branches.find(id);
        if (branch != null) {
            if (session.xaMode().branch() == branch) {
                session.associate(null);
            }
            call(() -> {
                branches.rollback(branch);
                return null;
            });
            return;
        }
        if (!call(() -> broker.rollbackPrepared(id))) {
            throw error(XAException.XAER_NOTA, "no branch " + id + " to roll back");
        }
    }

    /** A branch that ended and may be completed; a failed or timed-out one is rolled back and reported so. */
    private XaBranch endedBranch(BranchId id) throws XAException {
        XaBranch branch = existing(id);
        switch (branch.state()) {
            case ENDED:
                return branch;
            case ROLLBACK_ONLY:
                call(() -> {
                    branches.rollback(branch);
                    return null;
                });
                throw error(XAException.XA_RBROLLBACK, id + " was marked rollback-only and has been rolled back");
            case TIMED_OUT:
                branches.forget(id);
                throw error(XAException.XA_RBTIMEOUT, id + " timed out and was rolled back");
            default:
                throw error(XAException.XAER_PROTO, id + " is " + branch.state() + ": end() it first");
        }
    }

    private XaBranch existing(BranchId id) throws XAException {
        XaBranch branch = branches.find(id);
        if (branch == null) {
            throw error(XAException.XAER_NOTA, "no branch " + id + " in progress");
        }
        return branch;
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        if ((flag & TMSTARTRSCAN) == 0) {
            return new Xid[0];
        }
        return call(() -> broker.preparedBranches()).stream().map(XidValue::new).toArray(Xid[]::new);
    }

    @Override
    public void forget(Xid xid) throws XAException {
        throw error(XAException.XAER_NOTA, "h2mq never completes a branch heuristically: nothing to forget for "
                + XidValue.branchOf(xid));
    }

    @Override
    public boolean isSameRM(XAResource other) {
        return other instanceof XaResourceImpl ours && ours.broker == broker;
    }

    @Override
    public int getTransactionTimeout() {
        return timeoutSeconds;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        if (seconds < 0) {
            throw error(XAException.XAER_INVAL, "transaction timeout must not be negative, got " + seconds);
        }
        timeoutSeconds = seconds;
        return true;
    }

    @FunctionalInterface
    private interface StoreCall<T> {
        T call() throws JMSException;
    }

    private static <T> T call(StoreCall<T> call) throws XAException {
        try {
            return call.call();
        } catch (JMSException e) {
            XAException x = error(XAException.XAER_RMERR, e.getMessage());
            x.initCause(e);
            throw x;
        }
    }

    private static XAException error(int code, String message) {
        XAException e = new XAException(message);
        e.errorCode = code;
        return e;
    }
}
