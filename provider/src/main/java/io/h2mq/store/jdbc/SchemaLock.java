package io.h2mq.store.jdbc;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.h2mq.store.StoreException;

/**
 * Makes the processes that open a store needing a migration take turns, where the database commits each DDL
 * statement as it runs (H2): there a lock taken inside a step's transaction would not outlive the step's first
 * statement, and two processes applying one step at once would each leave it half done (a column added by one, a
 * "duplicate column" for the other, and the version recorded by neither). The lock is a row lock
 * ({@code schema.turn.*} statements) held by a connection of its own, outside the pool (a pool of one would starve),
 * for the whole migration. Where the dialect has no such statements (PostgreSQL, whose DDL is transactional and whose
 * steps each take an advisory lock), taking it does nothing.
 */
final class SchemaLock implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SchemaLock.class.getName());
    private static final SchemaLock NONE = new SchemaLock(null);

    private final Connection holder;

    private SchemaLock(Connection holder) {
        this.holder = holder;
    }

    /** Waits for the turn to migrate, at most {@code patience}. */
    static SchemaLock take(SqlStatements sql, FeedConnections connections, Duration patience) {
        String take = sql.find("schema.turn.take");
        if (take == null) {
            return NONE;
        }
        long giveUpAt = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return new SchemaLock(hold(sql, connections, take));
            } catch (SQLException e) {
                // Another process holds the turn (the lock wait timed out), or creates the lock's table right now.
                if (System.nanoTime() - giveUpAt > 0) {
                    throw new StoreException("no turn to migrate the schema of " + connections.url() + " within "
                            + patience.toSeconds() + " s: another process is migrating it: " + e.getMessage(), e);
                }
                LOG.log(Level.DEBUG, "waiting for another process migrating " + connections.url(), e);
                pause(e);
            }
        }
    }

    private static Connection hold(SqlStatements sql, FeedConnections connections, String take) throws SQLException {
        Connection c = connections.open();
        try (Statement st = c.createStatement()) {
            st.execute(sql.get("schema.turn.create"));
            st.execute(sql.get("schema.turn.row"));
            c.setAutoCommit(false);
            st.executeQuery(take).close();
            return c;
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static void pause(SQLException failure) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(20, 200));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to migrate the schema", failure);
        }
    }

    /** Gives the turn to the next process. */
    @Override
    public void close() {
        if (holder == null) {
            return;
        }
        try (holder) {
            holder.rollback();
        } catch (SQLException e) {
            // The lock goes with the connection either way; nothing the caller could do.
            LOG.log(Level.DEBUG, "closing the schema lock's connection", e);
        }
    }
}
