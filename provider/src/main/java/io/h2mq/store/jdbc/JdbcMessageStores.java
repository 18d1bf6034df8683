package io.h2mq.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.h2mq.store.ChangeFeed;
import io.h2mq.store.MessageStore;
import io.h2mq.store.StoreException;
import io.h2mq.store.StoreSettings;

/** Opens a {@link MessageStore} on a JDBC URL: the pool, the dialect, the schema. */
public final class JdbcMessageStores {
    private JdbcMessageStores() {
    }

    public static MessageStore open(StoreSettings settings) {
        Dialect dialect = Dialect.of(settings.url());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dialect.jdbcUrl(settings.url()));
        // Named rather than found through DriverManager, which only sees drivers visible to the calling thread's
        // class loader: in an application server the store may be opened on a server thread (a resource adapter's
        // reconnect), where Open Liberty's DriverManager answered "No suitable driver".
        try {
            config.setDriverClassName(dialect.driverClass());
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the store at " + settings.url() + ": its JDBC driver "
                    + dialect.driverClass() + " is not on the class path", e);
        }
        config.setConnectionInitSql(dialect.connectionInitSql(settings.forceToDisk()));
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setPoolName("h2mq-store");
        config.setAutoCommit(false);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the store at " + settings.url() + ": " + rootMessage(e), e);
        }
        try {
            SqlStatements sql = SqlStatements.load(dialect.resourceDirectory());
            Jdbc jdbc = new Jdbc(dataSource);
            new SchemaMigrator(jdbc, sql, new FeedConnections(dialect, settings)).migrate();
            return new JdbcMessageStore(jdbc, sql, dialect.commitReachesDisk(), dataSource::close);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /**
     * The change feed of the store at {@code settings.url()}: how this process and the others sharing the store wake
     * each other's consumers. Opens nothing until started.
     */
    public static ChangeFeed changeFeed(StoreSettings settings) {
        return Dialect.of(settings.url()).changeFeed(settings);
    }
}
