package io.h2mq.store.jdbc;

import java.util.Locale;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.h2mq.store.MessageStore;
import io.h2mq.store.StoreException;
import io.h2mq.store.StoreSettings;

/** Opens a {@link MessageStore} on a JDBC URL: the pool, the dialect, the schema. */
public final class JdbcMessageStores {
    private static final String H2_DRIVER = "org.h2.Driver";

    private JdbcMessageStores() {
    }

    public static MessageStore open(StoreSettings settings) {
        String dialect = dialectOf(settings.url());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(H2Urls.withDurableCommits(settings.url()));
        // Named rather than found through DriverManager, which only sees drivers visible to the calling thread's
        // class loader: in an application server the store may be opened on a server thread (a resource adapter's
        // reconnect), where Open Liberty's DriverManager answered "No suitable driver".
        config.setDriverClassName(H2_DRIVER);
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
            SqlStatements sql = SqlStatements.load(dialect);
            Jdbc jdbc = new Jdbc(dataSource);
            new SchemaMigrator(jdbc, sql).migrate();
            return new JdbcMessageStore(jdbc, sql, dataSource::close);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static String dialectOf(String url) {
        if (url != null && url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            return "h2";
        }
        throw new StoreException("unsupported store URL '" + url + "': h2mq supports jdbc:h2: URLs");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
