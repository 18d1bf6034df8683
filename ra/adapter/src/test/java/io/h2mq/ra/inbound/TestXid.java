package io.h2mq.ra.inbound;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import javax.transaction.xa.Xid;

/** A transaction branch identifier as a transaction manager would make one: unique per transaction. */
final class TestXid implements Xid {
    private static final AtomicLong NEXT = new AtomicLong();

    private final byte[] gtrid = ("test-tx-" + NEXT.incrementAndGet()).getBytes(StandardCharsets.US_ASCII);
    private final byte[] bqual = {1};

    @Override
    public int getFormatId() {
        return 4711;
    }

    @Override
    public byte[] getGlobalTransactionId() {
        return gtrid.clone();
    }

    @Override
    public byte[] getBranchQualifier() {
        return bqual.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Xid x && x.getFormatId() == getFormatId()
                && Arrays.equals(x.getGlobalTransactionId(), gtrid) && Arrays.equals(x.getBranchQualifier(), bqual);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(gtrid);
    }

    @Override
    public String toString() {
        return new String(gtrid, StandardCharsets.US_ASCII);
    }
}
