package io.h2mq.bench.crossprocess;

import java.nio.file.Path;

/**
 * Where the messages of the cross-process latency workload live while they travel from the producer process to the
 * consumer process: a shared store for h2mq, a broker for a peer. It is started in the bench's own JVM (or, for
 * PostgreSQL, a server process of its own), which does nothing else while the two client processes run.
 */
interface Host {
    /** Column name in the result table. */
    String name();

    /** One line on what runs where and how durable it is, for the report. */
    String description();

    /** Starts on a fresh directory; returns the {@link ClientFactories} spec the client processes connect with. */
    String start(Path dataDir) throws Exception;

    void stop() throws Exception;
}
