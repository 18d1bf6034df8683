package io.h2mq.store.jdbc;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;

/**
 * Sends this process's announcements to the other processes of a PostgreSQL store with {@code pg_notify}, from a
 * thread of its own, so that a sender never waits for it. Ids announced while a round is being sent are collected
 * and go out together in the next round: one notification per round, not one per write (PostgreSQL queues every
 * notification for every listener until it is read). A payload is a comma-separated list of endpoint ids, kept
 * under PostgreSQL's limit of 8000 bytes by splitting a round into several notifications.
 *
 * <p>It holds one connection of its own in auto-commit mode (so each notification leaves at once), opened at the
 * first round and opened again after a failure; the backend process id of that connection lets the listener of
 * the same store skip what this process sent itself. A round that fails is dropped: other processes find those
 * messages with their next poll, and a database that went away is reported by the store, not here.
 */
final class PostgresAnnouncer {
    private static final System.Logger LOG = System.getLogger(PostgresAnnouncer.class.getName());
    /** Under PostgreSQL's payload limit (8000 bytes), with room to spare; ids are ASCII digits. */
    static final int PAYLOAD_LIMIT = 7_900;
    private static final long RETRY_MILLIS = 1_000;

    private final FeedConnections connections;
    private final String notifySql;
    private final String channel;
    private final Set<Long> pending = new LinkedHashSet<>();
    private Thread thread;
    private boolean closed;
    private volatile int backendPid = -1;

    PostgresAnnouncer(FeedConnections connections, String notifySql, String channel) {
        this.connections = connections;
        this.notifySql = notifySql;
        this.channel = channel;
    }

    synchronized void start() {
        if (thread == null && !closed) {
            thread = new Thread(this::run, "h2mq-notify");
            thread.setDaemon(true);
            thread.start();
        }
    }

    synchronized void announce(Set<Long> endpointIds) {
        if (!closed && pending.addAll(endpointIds)) {
            notifyAll();
        }
    }

    /** The backend process of the connection notifications go out on, or -1 while there is none. */
    int backendPid() {
        return backendPid;
    }

    private void run() {
        Connection connection = null;
        boolean failing = false;
        try {
            for (List<String> round = nextRound(); round != null; round = nextRound()) {
                try {
                    if (connection == null) {
                        connection = connections.open();
                        backendPid = connection.unwrap(PGConnection.class).getBackendPID();
                    }
                    send(connection, round);
                    failing = false;
                } catch (SQLException | RuntimeException e) {
                    backendPid = -1;
                    PostgresChangeFeed.closeQuietly(connection);
                    connection = null;
                    if (!failing) {
                        failing = true;
                        LOG.log(Level.WARNING, "h2mq cannot notify other processes of new messages through "
                                + connections.url() + "; they will find them by polling", e);
                    }
                    pause(RETRY_MILLIS);
                }
            }
        } finally {
            PostgresChangeFeed.closeQuietly(connection);
        }
    }

    private void send(Connection connection, List<String> payloads) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(notifySql)) {
            for (String payload : payloads) {
                ps.setString(1, channel);
                ps.setString(2, payload);
                ps.execute();
            }
        }
    }

    /** Waits for ids to announce and takes them all, as payloads; null once closed. */
    private synchronized List<String> nextRound() {
        while (pending.isEmpty() && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                return null;
            }
        }
        if (closed) {
            return null;
        }
        List<String> round = payloads(pending, PAYLOAD_LIMIT);
        pending.clear();
        return round;
    }

    private synchronized void pause(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long left;
        while (!closed && (left = deadline - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The ids as comma-separated lists of at most {@code limit} characters each. */
    static List<String> payloads(Set<Long> ids, int limit) {
        List<String> payloads = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (long id : ids) {
            String text = Long.toString(id);
            if (current.length() > 0 && current.length() + 1 + text.length() > limit) {
                payloads.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(',');
            }
            current.append(text);
        }
        if (current.length() > 0) {
            payloads.add(current.toString());
        }
        return payloads;
    }

    void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            pending.clear();
            notifyAll();
            running = thread;
        }
        PostgresChangeFeed.join(running);
    }
}
