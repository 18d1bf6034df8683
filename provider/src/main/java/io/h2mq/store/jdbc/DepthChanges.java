package io.h2mq.store.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one transaction adds to and takes from each endpoint's depth, and to its cumulative counters (enqueued,
 * acknowledged, expired, dead-lettered), and the earliest expiry of the entries it adds, applied as one update per
 * endpoint at the end (in endpoint order, so concurrent transactions lock endpoint rows in the same order). The
 * counters and the expiry ride on the depth update, so they cost no statement of their own and stay exact however
 * many processes share the store.
 */
final class DepthChanges {
    private static final int MESSAGES = 0;
    private static final int BYTES = 1;
    private static final int ENQUEUED = 2;
    /** Depth, bytes, enqueued, then one counter per removal but DROPPED (the last), then the earliest expiry. */
    private static final int EARLIEST_EXPIRY = ENQUEUED + Removal.values().length;

    private final Map<Long, long[]> byEndpoint = new TreeMap<>();

    /** Changes the depth only: a prepared send not yet visible, a rolled-back one, a dropped entry. */
    void add(long endpointId, long messages, long bytes) {
        long[] d = changes(endpointId);
        d[MESSAGES] += messages;
        d[BYTES] += bytes;
    }

    /** An entry became visible to consumers: counted in depth (unless it was counted already) and in enqueued. */
    void enqueued(long endpointId, long bytes, boolean countDepth) {
        if (countDepth) {
            add(endpointId, 1, bytes);
        }
        changes(endpointId)[ENQUEUED]++;
    }

    /** An entry left its endpoint for this reason. */
    void removed(long endpointId, long bytes, Removal reason) {
        add(endpointId, -1, -bytes);
        if (reason != Removal.DROPPED) {
            changes(endpointId)[ENQUEUED + 1 + reason.ordinal()]++;
        }
    }

    /** An entry that expires at {@code expiresAt} (0: never) was added to the endpoint. */
    void expires(long endpointId, long expiresAt) {
        if (expiresAt != 0) {
            long[] d = changes(endpointId);
            d[EARLIEST_EXPIRY] = d[EARLIEST_EXPIRY] == 0 ? expiresAt : Math.min(d[EARLIEST_EXPIRY], expiresAt);
        }
    }

    private long[] changes(long endpointId) {
        return byEndpoint.computeIfAbsent(endpointId, id -> new long[EARLIEST_EXPIRY + 1]);
    }

    void apply(Jdbc.Tx tx, String sql) throws SQLException {
        if (byEndpoint.isEmpty()) {
            return;
        }
        tx.batch(sql, new ArrayList<>(byEndpoint.entrySet()), (ps, e) -> {
            long[] d = e.getValue();
            ps.setLong(1, d[MESSAGES]);
            ps.setLong(2, d[BYTES]);
            ps.setLong(3, d[ENQUEUED]);
            ps.setLong(4, d[ENQUEUED + 1 + Removal.ACKNOWLEDGED.ordinal()]);
            ps.setLong(5, d[ENQUEUED + 1 + Removal.EXPIRED.ordinal()]);
            ps.setLong(6, d[ENQUEUED + 1 + Removal.DEAD_LETTERED.ordinal()]);
            ps.setLong(7, d[EARLIEST_EXPIRY]);
            ps.setLong(8, d[EARLIEST_EXPIRY]);
            ps.setLong(9, d[EARLIEST_EXPIRY]);
            ps.setLong(10, e.getKey());
        });
    }
}
