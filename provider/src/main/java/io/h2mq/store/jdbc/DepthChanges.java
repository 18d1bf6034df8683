package io.h2mq.store.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one transaction adds to and takes from each endpoint's depth, applied as one update per endpoint at the end
 * (in endpoint order, so concurrent transactions lock endpoint rows in the same order).
 */
final class DepthChanges {
    private final Map<Long, long[]> byEndpoint = new TreeMap<>();

    void add(long endpointId, long messages, long bytes) {
        long[] d = byEndpoint.computeIfAbsent(endpointId, id -> new long[2]);
        d[0] += messages;
        d[1] += bytes;
    }

    void apply(Jdbc.Tx tx, String sql) throws SQLException {
        if (byEndpoint.isEmpty()) {
            return;
        }
        tx.batch(sql, new ArrayList<>(byEndpoint.entrySet()), (ps, e) -> {
            ps.setLong(1, e.getValue()[0]);
            ps.setLong(2, e.getValue()[1]);
            ps.setLong(3, e.getKey());
        });
    }
}
