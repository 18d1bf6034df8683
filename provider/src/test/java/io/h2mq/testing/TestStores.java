package io.h2mq.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store a test runs on. By default an H2 file under the test's temporary directory; with
 * {@code -Dh2mq.test.store=postgresql} (the provider's {@code postgresql} test run) a new database of the build's
 * {@link PostgresServer}. The same directory always gives the same store, so a test can close and reopen it.
 */
public final class TestStores {
    private static final Map<Path, String> POSTGRES_URLS = new ConcurrentHashMap<>();

    private TestStores() {
    }

    public static String url(Path dir) {
        Path store = dir.resolve("store").toAbsolutePath();
        if (onPostgres()) {
            return POSTGRES_URLS.computeIfAbsent(store, any -> PostgresServer.shared().newDatabaseUrl());
        }
        return "jdbc:h2:file:" + store;
    }

    /**
     * A store several nodes may open at once, as processes sharing it do: an H2 file in {@code AUTO_SERVER} mode, or
     * the PostgreSQL database of {@link #url}.
     */
    public static String sharedUrl(Path dir) {
        return onPostgres() ? url(dir) : url(dir) + ";AUTO_SERVER=TRUE";
    }

    /** Takes the store at {@code url} away from under its users, as a database that went down. */
    public static void shutDown(String url) throws SQLException {
        if (url.startsWith("jdbc:postgresql:")) {
            PostgresServer.shared().makeUnreachable(url);
            return;
        }
        try (Connection direct = DriverManager.getConnection(url); Statement statement = direct.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    /** True in the test run against PostgreSQL. */
    public static boolean onPostgres() {
        return "postgresql".equals(System.getProperty("h2mq.test.store", "h2").toLowerCase(Locale.ROOT));
    }
}
