package io.h2mq.store.jdbc;

import java.util.List;

/**
 * When each endpoint's earliest entry expires ({@code h2mq_endpoint.next_expiry}, schema version 9), so that the
 * expiry sweep finds the endpoints holding expired entries by reading endpoint rows only, and reads the entries of an
 * endpoint only when one of them is due.
 *
 * <p>The column is a lower bound: every write lowers it to the earliest expiry it adds, in the depth update it makes
 * anyway ({@link DepthChanges}); only {@link #rearm} raises it, after the endpoint was swept. Rearming takes three
 * transactions so that a concurrent write is never lost and the endpoint's writers are never blocked by a read of
 * all its entries: a recheck time is committed first (from then on a write lowers that value, and a sweeper that dies
 * midway leaves the endpoint due at that time), then the earliest expiry is read, then it replaces the recheck time
 * unless a write lowered it meanwhile (then the lower of the two stays).
 */
final class ExpirySchedule {
    private final Jdbc jdbc;
    private final SqlStatements sql;

    ExpirySchedule(Jdbc jdbc, SqlStatements sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    List<Long> due(long now) {
        return jdbc.inTransaction("endpoints due to expire", tx -> tx.query(sql.get("endpoint.expiry.due"),
                ps -> ps.setLong(1, now), rs -> rs.getLong(1)));
    }

    void rearm(long endpointId, long recheckAt) {
        recheckAt(endpointId, recheckAt);
        setNext(endpointId, recheckAt, earliest(endpointId));
    }

    /** Step 1: the endpoint is due again at {@code recheckAt}, and writes from now on lower that. */
    void recheckAt(long endpointId, long recheckAt) {
        jdbc.inTransaction("recheck expiry of endpoint " + endpointId, tx -> tx.update(
                sql.get("endpoint.expiry.recheck"), ps -> {
                    ps.setLong(1, recheckAt);
                    ps.setLong(2, endpointId);
                }));
    }

    /** Step 2: the earliest expiry among the endpoint's entries, whatever their state; 0 if none expires. */
    long earliest(long endpointId) {
        return jdbc.inTransaction("earliest expiry of endpoint " + endpointId, tx -> tx.query(
                sql.get("entry.expiry.earliest"), ps -> ps.setLong(1, endpointId), rs -> rs.getLong(1)).get(0));
    }

    /** Step 3: {@code earliest} replaces the recheck time, unless a write lowered it meanwhile. */
    void setNext(long endpointId, long recheckAt, long earliest) {
        jdbc.inTransaction("rearm expiry of endpoint " + endpointId, tx -> tx.update(
                sql.get("endpoint.expiry.rearm"), ps -> {
                    ps.setLong(1, recheckAt);
                    for (int p = 2; p <= 5; p++) {
                        ps.setLong(p, earliest);
                    }
                    ps.setLong(6, endpointId);
                }));
    }
}
