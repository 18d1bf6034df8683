package io.h2mq.store.jdbc;

import java.util.Locale;

import io.h2mq.store.ChangeFeed;
import io.h2mq.store.StoreException;
import io.h2mq.store.StoreSettings;

/**
 * What differs between the databases a store can live in, behind one interface: the schema scripts and SQL
 * statements (under {@link #resourceDirectory()}: the claim, the upsert, the clock), the driver, what it takes for a
 * commit to survive a crash, and how processes sharing the store hear of each other's writes. One implementation per
 * database: {@link H2Dialect}, {@link PostgresDialect}.
 */
sealed interface Dialect permits H2Dialect, PostgresDialect {

    /** The dialect of a JDBC URL. */
    static Dialect of(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return new H2Dialect();
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return new PostgresDialect();
        }
        throw new StoreException("unsupported store URL '" + url + "': h2mq supports jdbc:h2: and jdbc:postgresql: "
                + "URLs");
    }

    /** Where the dialect's {@code V<n>.sql} and {@code statements.properties} are, next to this class. */
    String resourceDirectory();

    String driverClass();

    /** The URL to open for {@code url}, adjusted for h2mq's guarantees. */
    String jdbcUrl(String url);

    /** SQL run on every new pooled connection, or null. */
    String connectionInitSql(boolean forceToDisk);

    /**
     * True when a commit has reached the storage device by the time it returns, so forcing it there afterwards has
     * nothing left to do.
     */
    boolean commitReachesDisk();

    /**
     * How the processes sharing the store hear of each other's writes. Starts nothing until
     * {@link ChangeFeed#start}.
     */
    ChangeFeed changeFeed(StoreSettings settings);
}
