package io.h2mq.bench.crossprocess;

import java.nio.file.Path;

import io.h2mq.testing.PostgresServer;

/**
 * h2mq on PostgreSQL: a fresh database of the server the provider's tests use ({@link PostgresServer}, binaries from
 * a Maven artifact, its default settings: {@code fsync} and {@code synchronous_commit} on), stopped when the bench's
 * JVM exits.
 */
final class PostgresHost implements Host {
    @Override
    public String name() {
        return "h2mq PostgreSQL";
    }

    @Override
    public String description() {
        return "h2mq on PostgreSQL (io.h2mq.testing.PostgresServer on 127.0.0.1, server defaults: fsync on, "
                + "synchronous_commit on)";
    }

    @Override
    public String start(Path dataDir) {
        return ClientFactories.h2mq(PostgresServer.shared().newDatabaseUrl());
    }

    @Override
    public void stop() {
        // The server is shared for the JVM's life; each run has a database of its own.
    }
}
