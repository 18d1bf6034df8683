package io.h2mq.bench.provider;

import java.nio.file.Path;

import jakarta.jms.ConnectionFactory;

/**
 * One messaging system under test: starts its (embedded) broker on a fresh directory, hands out a plain
 * {@code jakarta.jms} connection factory, and stops. Every provider is configured so that a PERSISTENT send outside
 * a transaction, and a commit, return only after the message is written to the store: a killed process loses
 * nothing that returned. The peers also force every such write to the disk unless {@code peers.fsync=false}
 * (power-loss durable); h2mq's default durability writes but does not force (see {@link H2mqProvider}).
 */
public interface Provider {
    /** Column name in the result table. */
    String name();

    /** The durability settings, one line for the report. */
    String durability();

    /** Starts the broker with its data under {@code dataDir} (empty, fresh) and returns its connection factory. */
    ConnectionFactory start(Path dataDir) throws Exception;

    /** Stops the broker; the data directory may then be deleted. */
    void stop() throws Exception;
}
