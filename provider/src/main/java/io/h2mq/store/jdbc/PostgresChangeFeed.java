package io.h2mq.store.jdbc;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.h2mq.store.ChangeFeed;

/**
 * The change feed of a PostgreSQL store: {@code LISTEN/NOTIFY} on one channel. Announcements go out through a
 * {@link PostgresAnnouncer}; one thread per store listens on a connection of its own ({@link FeedConnections} says
 * why not a pooled one), blocked in pgjdbc's {@code getNotifications(timeout)}, and reports each endpoint id another
 * process announced. Notifications this process sent itself are skipped (same backend process id).
 *
 * <p>Only a hint: a pooler in transaction mode (PgBouncer) silently drops {@code LISTEN}, and notifications sent
 * while the listening connection is down are lost. So a broken connection is opened again with backoff and, once it
 * is back, the listener is told it {@linkplain Listener#missed() missed} changes; a connection that went silently
 * dead is found by a validity check after {@value #CHECK_MILLIS} ms without news; and the engine polls behind all
 * of it. Close aborts the listening connection, which ends a blocked wait at once.
 *
 * <p>This class, the only one naming pgjdbc types with {@link PostgresAnnouncer}, is loaded only for a PostgreSQL
 * store, whose driver the application provides.
 */
final class PostgresChangeFeed implements ChangeFeed {
    private static final System.Logger LOG = System.getLogger(PostgresChangeFeed.class.getName());
    /** The notification channel; the {@code feed.listen} statement names it too. */
    static final String CHANNEL = "h2mq";
    static final int CHECK_MILLIS = 15_000;
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long LAST_RETRY_MILLIS = 10_000;

    private final FeedConnections connections;
    private final String listenSql;
    private final PostgresAnnouncer announcer;
    private Thread thread;
    private boolean closed;
    private Connection listening;

    PostgresChangeFeed(FeedConnections connections, SqlStatements sql) {
        this.connections = connections;
        this.listenSql = sql.get("feed.listen");
        this.announcer = new PostgresAnnouncer(connections, sql.get("feed.notify"), CHANNEL);
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public synchronized void start(Listener listener) {
        if (thread != null || closed) {
            return;
        }
        announcer.start();
        thread = new Thread(() -> run(listener), "h2mq-listen");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void announce(Set<Long> endpointIds) {
        announcer.announce(endpointIds);
    }

    private void run(Listener listener) {
        long retryMillis = FIRST_RETRY_MILLIS;
        boolean lost = false;
        while (!isClosed()) {
            try (Connection c = connections.open()) {
                if (!listenOn(c)) {
                    return;
                }
                if (lost) {
                    LOG.log(Level.INFO, "h2mq listens to {0} again", connections.url());
                    listener.missed();
                    lost = false;
                }
                retryMillis = FIRST_RETRY_MILLIS;
                receive(c, listener);
            } catch (SQLException | RuntimeException e) {
                if (isClosed()) {
                    return;
                }
                if (!lost) {
                    LOG.log(Level.WARNING, "h2mq lost its listening connection to " + connections.url()
                            + "; messages of other processes arrive by polling until it is back", e);
                }
                lost = true;
                pause(retryMillis);
                retryMillis = Math.min(LAST_RETRY_MILLIS, retryMillis * 2);
            } finally {
                forget();
            }
        }
    }

    /** Registers the connection for {@link #close} and starts listening; false if closed meanwhile. */
    private boolean listenOn(Connection c) throws SQLException {
        synchronized (this) {
            if (closed) {
                return false;
            }
            listening = c;
        }
        try (Statement s = c.createStatement()) {
            s.execute(listenSql);
        }
        return true;
    }

    private void receive(Connection c, Listener listener) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        while (!isClosed()) {
            PGNotification[] received = pg.getNotifications(CHECK_MILLIS);
            if (received == null || received.length == 0) {
                if (!isClosed() && !c.isValid((int) TimeUnit.MILLISECONDS.toSeconds(CHECK_MILLIS))) {
                    throw new SQLException("the listening connection does not answer");
                }
                continue;
            }
            int self = announcer.backendPid();
            for (PGNotification n : received) {
                if (n.getPID() != self) {
                    report(n.getParameter(), listener);
                }
            }
        }
    }

    private static void report(String payload, Listener listener) {
        for (String id : payload.split(",")) {
            try {
                listener.added(Long.parseLong(id.trim()));
            } catch (NumberFormatException e) {
                LOG.log(Level.DEBUG, "h2mq ignores the notification payload ''{0}''", payload);
            }
        }
    }

    private synchronized void forget() {
        listening = null;
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private synchronized void pause(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long left;
        while (!closed && (left = deadline - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                closed = true;
            }
        }
    }

    @Override
    public void close() {
        Thread running;
        Connection blocked;
        synchronized (this) {
            if (closed && thread == null) {
                return;
            }
            closed = true;
            notifyAll();
            running = thread;
            thread = null;
            blocked = listening;
        }
        if (blocked != null) {
            try {
                blocked.abort(Runnable::run);
            } catch (SQLException e) {
                LOG.log(Level.DEBUG, "aborting the listening connection failed", e);
            }
        }
        announcer.close();
        join(running);
    }

    static void join(Thread thread) {
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.log(Level.DEBUG, "closing a feed connection failed", e);
            }
        }
    }
}
