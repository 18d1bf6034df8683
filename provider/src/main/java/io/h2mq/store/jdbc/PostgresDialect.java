package io.h2mq.store.jdbc;

import io.h2mq.store.ChangeFeed;
import io.h2mq.store.StoreSettings;

/**
 * PostgreSQL 12 or later, shared by any number of processes and hosts. A commit returns once its WAL record is
 * flushed; processes hear of each other's writes through {@code LISTEN/NOTIFY}. The driver's own classes are named
 * only by {@link PostgresChangeFeed}, loaded only through this dialect, so the driver stays an optional dependency.
 */
final class PostgresDialect implements Dialect {

    @Override
    public String resourceDirectory() {
        return "postgresql";
    }

    @Override
    public String driverClass() {
        return "org.postgresql.Driver";
    }

    @Override
    public String jdbcUrl(String url) {
        return url;
    }

    /**
     * PostgreSQL's commit returns once its WAL record is flushed, unless the server or role turned synchronous_commit
     * off; a store asked to force every commit turns it back on for its own sessions.
     */
    @Override
    public String connectionInitSql(boolean forceToDisk) {
        return forceToDisk ? "SET synchronous_commit = on" : null;
    }

    @Override
    public boolean commitReachesDisk() {
        return true;
    }

    @Override
    public ChangeFeed changeFeed(StoreSettings settings) {
        return new PostgresChangeFeed(new FeedConnections(this, settings), SqlStatements.load(resourceDirectory()));
    }
}
