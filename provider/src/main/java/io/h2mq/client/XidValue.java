package io.h2mq.client;

import javax.transaction.xa.Xid;

import io.h2mq.store.BranchId;

/** A Xid returned by {@code recover()}: the stored branch id seen through the XA interface. */
record XidValue(BranchId branch) implements Xid {
    static BranchId branchOf(Xid xid) {
        return new BranchId(xid.getFormatId(), xid.getGlobalTransactionId(), xid.getBranchQualifier());
    }

    @Override
    public int getFormatId() {
        return branch.formatId();
    }

    @Override
    public byte[] getGlobalTransactionId() {
        return branch.globalId();
    }

    @Override
    public byte[] getBranchQualifier() {
        return branch.branchQualifier();
    }
}
