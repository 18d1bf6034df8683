package io.h2mq.store.jdbc;

import java.util.Locale;

import io.h2mq.store.ChangeFeed;
import io.h2mq.store.StoreException;
import io.h2mq.store.StoreSettings;

/**
 * The databases a store can live in. Each has its own schema scripts and statements under {@code <name>/}, its
 * driver, and its own answer to what it takes for a commit to survive a crash.
 */
enum Dialect {
    /** H2, embedded in this process (file), or shared through its server mode (TCP URL or AUTO_SERVER). */
    H2("h2", "org.h2.Driver", "jdbc:h2:") {
        @Override
        String jdbcUrl(String url) {
            return H2Urls.withDurableCommits(url);
        }

        @Override
        String connectionInitSql(boolean forceToDisk) {
            return null;
        }

        @Override
        boolean commitReachesDisk() {
            return false;
        }
    },
    /** PostgreSQL 12 or later, shared by any number of processes and hosts. */
    POSTGRESQL("postgresql", "org.postgresql.Driver", "jdbc:postgresql:") {
        @Override
        String jdbcUrl(String url) {
            return url;
        }

        /**
         * PostgreSQL's commit returns once its WAL record is flushed, unless the server or role turned
         * synchronous_commit off; a store asked to force every commit turns it back on for its own sessions.
         */
        @Override
        String connectionInitSql(boolean forceToDisk) {
            return forceToDisk ? "SET synchronous_commit = on" : null;
        }

        @Override
        boolean commitReachesDisk() {
            return true;
        }
    };

    private final String resourceDirectory;
    private final String driverClass;
    private final String urlPrefix;

    Dialect(String resourceDirectory, String driverClass, String urlPrefix) {
        this.resourceDirectory = resourceDirectory;
        this.driverClass = driverClass;
        this.urlPrefix = urlPrefix;
    }

    static Dialect of(String url) {
        if (url != null) {
            String lower = url.toLowerCase(Locale.ROOT);
            for (Dialect dialect : values()) {
                if (lower.startsWith(dialect.urlPrefix)) {
                    return dialect;
                }
            }
        }
        throw new StoreException("unsupported store URL '" + url + "': h2mq supports jdbc:h2: and jdbc:postgresql: "
                + "URLs");
    }

    /** Where the dialect's {@code V<n>.sql} and {@code statements.properties} are, next to this class. */
    String resourceDirectory() {
        return resourceDirectory;
    }

    String driverClass() {
        return driverClass;
    }

    /** The URL to open for {@code url}, adjusted for h2mq's guarantees. */
    abstract String jdbcUrl(String url);

    /** SQL run on every new pooled connection, or null. */
    abstract String connectionInitSql(boolean forceToDisk);

    /**
     * True when a commit has reached the storage device by the time it returns, so forcing it there afterwards
     * has nothing left to do.
     */
    abstract boolean commitReachesDisk();

    /**
     * How the processes sharing the store hear of each other's writes: nothing to hear for an H2 database only this
     * process can open, polling for one shared through H2's server mode, {@code LISTEN/NOTIFY} on PostgreSQL (whose
     * driver classes are loaded only on this branch). Starts nothing until {@link ChangeFeed#start}.
     */
    ChangeFeed changeFeed(StoreSettings settings) {
        return switch (this) {
            case H2 -> H2Urls.isExclusive(settings.url()) ? ChangeFeed.NONE
                    : new H2PollingChangeFeed(new FeedConnections(this, settings), SqlStatements.load(resourceDirectory),
                            settings.pollMillis());
            case POSTGRESQL -> new PostgresChangeFeed(new FeedConnections(this, settings),
                    SqlStatements.load(resourceDirectory));
        };
    }
}
