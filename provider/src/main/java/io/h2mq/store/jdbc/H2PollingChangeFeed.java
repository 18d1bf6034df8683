package io.h2mq.store.jdbc;

import java.lang.System.Logger.Level;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.h2mq.store.ChangeFeed;

/**
 * The change feed of an H2 database that several processes share (a TCP URL, or {@code AUTO_SERVER=TRUE}). H2 has
 * no notification, so one thread per store polls, on a connection of its own ({@link FeedConnections} says why).
 * A tick is two small queries: the endpoints of entries inserted since the last tick (a range of the primary key, so
 * only new rows are read), and the depth counters ({@code h2mq_endpoint.depth}, {@code depth_bytes}, updated in the
 * transaction of every write) of the endpoints this process waits on, by primary key. A watched endpoint with new
 * entries or a count that went up fires {@link Listener#added}; one whose count went down {@link Listener#removed}.
 *
 * <p>Adaptive: a tick that saw a change, or an {@link #announce} of this process's own writes (replies to a request
 * tend to follow it), brings the next tick {@value #FASTEST_MILLIS} ms later; each quiet tick doubles the wait, up
 * to the ceiling {@code pollMillis}. No query while nobody waits.
 *
 * <p>The trade-off: while the store is busy the process asks it about a hundred small questions a second, however
 * many consumers wait (the queries are per process, never per consumer); idle, two per {@code pollMillis}. The
 * process's own writes move the same counters, so they fire its own signals a second time (a wasted peek, never a
 * lost message). What neither query shows (entries released back by another process; an entry whose id was taken
 * before the last tick but committed after it, while a removal hid its count) is left to the engine's poll every
 * {@code pollMillis}.
 */
final class H2PollingChangeFeed implements ChangeFeed {
    private static final System.Logger LOG = System.getLogger(H2PollingChangeFeed.class.getName());
    static final long FASTEST_MILLIS = 10;

    private final FeedConnections connections;
    private final String depthsSql;
    private final String lastEntrySql;
    private final String entriesSinceSql;
    private final long slowestMillis;
    /** Depth and bytes of each watched endpoint at the last tick; only the polling thread touches it. */
    private final Map<Long, long[]> lastSeen = new HashMap<>();
    /** The newest entry id seen, or -1 before the first tick on a connection; polling thread only. */
    private long lastEntryId = -1;
    private final Object lock = new Object();
    private Thread thread;
    private boolean closed;
    private long waitMillis;
    private long nextTickNanos;

    H2PollingChangeFeed(FeedConnections connections, SqlStatements sql, long pollMillis) {
        this.connections = connections;
        this.depthsSql = sql.get("feed.depths");
        this.lastEntrySql = sql.get("feed.entries.last");
        this.entriesSinceSql = sql.get("feed.entries.since");
        this.slowestMillis = Math.max(FASTEST_MILLIS, pollMillis);
        this.waitMillis = FASTEST_MILLIS;
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public void start(Listener listener) {
        synchronized (lock) {
            if (thread != null || closed) {
                return;
            }
            nextTickNanos = System.nanoTime();
            thread = new Thread(() -> run(listener), "h2mq-poll");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void announce(Set<Long> endpointIds) {
        synchronized (lock) {
            long soonest = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FASTEST_MILLIS);
            waitMillis = FASTEST_MILLIS;
            if (nextTickNanos - soonest > 0) {
                nextTickNanos = soonest;
                lock.notifyAll();
            }
        }
    }

    private void run(Listener listener) {
        Connection connection = null;
        boolean failing = false;
        try {
            while (awaitTick()) {
                Set<Long> watched = listener.watched();
                lastSeen.keySet().retainAll(watched);
                if (watched.isEmpty()) {
                    scheduleNext(false);
                    continue;
                }
                try {
                    if (connection == null) {
                        connection = connections.open();
                    }
                    scheduleNext(tick(connection, watched, listener));
                    if (failing) {
                        failing = false;
                        LOG.log(Level.INFO, "h2mq polls {0} again", connections.url());
                        listener.missed();
                    }
                } catch (SQLException | RuntimeException e) {
                    closeQuietly(connection);
                    connection = null;
                    lastSeen.clear();
                    lastEntryId = -1;
                    if (!failing) {
                        failing = true;
                        LOG.log(Level.WARNING, "h2mq cannot poll " + connections.url() + " for other processes' "
                                + "messages; retrying every " + slowestMillis + " ms", e);
                    }
                    scheduleSlowest();
                }
            }
        } finally {
            closeQuietly(connection);
        }
    }

    /** Reports the watched endpoints that changed since the last tick; true if any did. */
    private boolean tick(Connection c, Set<Long> watched, Listener listener) throws SQLException {
        Set<Long> added = new HashSet<>();
        Set<Long> removed = new HashSet<>();
        newEntries(c, watched, added);
        depths(c, watched, added, removed);
        added.forEach(listener::added);
        removed.forEach(listener::removed);
        return !added.isEmpty() || !removed.isEmpty();
    }

    /**
     * Watched endpoints that gained entries committed since the last tick: a range of the primary key, so only new
     * rows are read. It sees what the depth counters miss when an entry came and another of the same size went.
     */
    private void newEntries(Connection c, Set<Long> watched, Set<Long> added) throws SQLException {
        if (lastEntryId < 0) {
            try (PreparedStatement ps = c.prepareStatement(lastEntrySql); ResultSet rs = ps.executeQuery()) {
                lastEntryId = rs.next() ? rs.getLong(1) : 0;
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(entriesSinceSql)) {
            ps.setLong(1, lastEntryId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long endpointId = rs.getLong(1);
                    lastEntryId = Math.max(lastEntryId, rs.getLong(2));
                    if (watched.contains(endpointId)) {
                        added.add(endpointId);
                    }
                }
            }
        }
    }

    /** Compares the depth counters of the watched endpoints with the last tick's. */
    private void depths(Connection c, Set<Long> watched, Set<Long> added, Set<Long> removed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(depthsSql)) {
            Array ids = c.createArrayOf("BIGINT", watched.toArray());
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    long[] now = {rs.getLong(2), rs.getLong(3)};
                    long[] before = lastSeen.put(id, now);
                    if (before == null || (before[0] == now[0] && before[1] == now[1])) {
                        continue;
                    }
                    if (now[0] > before[0] || (now[0] == before[0] && now[1] > before[1])) {
                        added.add(id);
                    } else {
                        removed.add(id);
                    }
                }
            } finally {
                ids.free();
            }
        }
    }

    /** Waits for the next tick; false once closed. */
    private boolean awaitTick() {
        synchronized (lock) {
            while (!closed) {
                long left = nextTickNanos - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    return false;
                }
            }
            return false;
        }
    }

    private void scheduleNext(boolean activity) {
        synchronized (lock) {
            waitMillis = activity ? FASTEST_MILLIS : Math.min(slowestMillis, waitMillis * 2);
            nextTickNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        }
    }

    private void scheduleSlowest() {
        synchronized (lock) {
            waitMillis = slowestMillis;
            nextTickNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        }
    }

    @Override
    public void close() {
        Thread running;
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
            running = thread;
        }
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.log(Level.DEBUG, "closing the polling connection failed", e);
            }
        }
    }
}
