package io.h2mq.store.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

import io.h2mq.store.StoreException;
import io.h2mq.store.StoreSettings;

/**
 * Opens the connections a change feed holds for its whole life (a listening or a polling connection), and the one
 * that holds a migration's turn ({@link SchemaLock}), directly
 * from the driver rather than from the store's pool: a connection held for hours would shrink the pool by one
 * for good (a pool of one would starve), and the pool would retire it under its user at its maximum lifetime.
 * The driver is named, not looked up through {@code DriverManager}, for the reason {@link JdbcMessageStores} gives.
 */
final class FeedConnections {
    private final String url;
    private final Properties credentials = new Properties();
    private final Driver driver;

    FeedConnections(Dialect dialect, StoreSettings settings) {
        this.url = dialect.jdbcUrl(settings.url());
        if (settings.user() != null) {
            credentials.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            credentials.setProperty("password", settings.password());
        }
        try {
            this.driver = (Driver) Class.forName(dialect.driverClass(), true, FeedConnections.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new StoreException("cannot load the JDBC driver " + dialect.driverClass() + " for " + settings.url(),
                    e);
        }
    }

    /** A new connection in auto-commit mode; the caller closes it. */
    Connection open() throws SQLException {
        Connection c = driver.connect(url, credentials);
        if (c == null) {
            throw new SQLException("driver " + driver.getClass().getName() + " does not accept the URL " + url);
        }
        c.setAutoCommit(true);
        return c;
    }

    /** The URL opened, for messages (it holds no password: that is passed apart). */
    String url() {
        return url;
    }
}
