package io.h2mq.store;

import java.util.Arrays;
import java.util.HexFormat;

/** The identity of a global-transaction branch (an XA Xid), as plain values. Immutable. */
public record BranchId(int formatId, byte[] globalId, byte[] branchQualifier) {
    public BranchId {
        globalId = globalId.clone();
        branchQualifier = branchQualifier.clone();
    }

    @Override
    public byte[] globalId() {
        return globalId.clone();
    }

    @Override
    public byte[] branchQualifier() {
        return branchQualifier.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BranchId b && b.formatId == formatId && Arrays.equals(b.globalId, globalId)
                && Arrays.equals(b.branchQualifier, branchQualifier);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * formatId + Arrays.hashCode(globalId)) + Arrays.hashCode(branchQualifier);
    }

    @Override
    public String toString() {
        return "Xid[" + formatId + ":" + HexFormat.of().formatHex(globalId) + ":"
                + HexFormat.of().formatHex(branchQualifier) + "]";
    }
}
