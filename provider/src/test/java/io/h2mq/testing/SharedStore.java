package io.h2mq.testing;

import java.nio.file.Path;
import java.sql.SQLException;

import org.h2.tools.Server;

/**
 * A store that several processes could share, for tests of one JVM playing several nodes: in the PostgreSQL run a
 * new database of the build's {@link PostgresServer}; otherwise an H2 database behind a TCP server of its own (a
 * plain H2 file would be opened exclusively). {@link #otherUrl()} names the same store by a different URL, so that
 * connection factories, which share one engine per URL in a JVM, get an engine (a node) of their own.
 */
public final class SharedStore implements AutoCloseable {
    private final Server h2Server;
    private final String url;
    private final String otherUrl;

    private SharedStore(Server h2Server, String url, String otherUrl) {
        this.h2Server = h2Server;
        this.url = url;
        this.otherUrl = otherUrl;
    }

    public static SharedStore in(Path dir) throws SQLException {
        return TestStores.onPostgres() ? postgres() : h2(dir);
    }

    /** A new database of the build's PostgreSQL, whichever store the test run is on. */
    public static SharedStore postgres() {
        String url = PostgresServer.shared().newDatabaseUrl();
        return new SharedStore(null, url, url + "&ApplicationName=h2mq-other-node");
    }

    /** An H2 database behind a TCP server of its own in {@code dir}, whichever store the test run is on. */
    public static SharedStore h2(Path dir) throws SQLException {
        Server server = Server.createTcpServer("-tcpPort", "0", "-baseDir", dir.toAbsolutePath().toString(),
                "-ifNotExists").start();
        int port = server.getPort();
        return new SharedStore(server, "jdbc:h2:tcp://localhost:" + port + "/store",
                "jdbc:h2:tcp://127.0.0.1:" + port + "/store");
    }

    public String url() {
        return url;
    }

    /** The same store under another URL. */
    public String otherUrl() {
        return otherUrl;
    }

    @Override
    public void close() {
        if (h2Server != null) {
            h2Server.stop();
        }
    }
}
