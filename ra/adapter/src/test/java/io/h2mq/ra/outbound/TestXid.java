package io.h2mq.ra.outbound;

import java.nio.charset.StandardCharsets;

import javax.transaction.xa.Xid;

/** A transaction id as a transaction manager would make one. */
record TestXid(String global, String branch) implements Xid {
    @Override
    public int getFormatId() {
        return 4242;
    }

    @Override
    public byte[] getGlobalTransactionId() {
        return global.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] getBranchQualifier() {
        return branch.getBytes(StandardCharsets.UTF_8);
    }
}
