package io.h2mq.bench.provider;

import java.nio.file.Path;

import jakarta.jms.ConnectionFactory;

/**
 * One messaging system under test: starts its (embedded) broker on a fresh directory, hands out a plain
 * {@code jakarta.jms} connection factory, and stops. Every provider is configured equally durable: a PERSISTENT
 * send or a commit returns only after the message is on disk (forced), so a killed process loses nothing that
 * returned.
 */
public interface Provider extends AutoCloseable {
    /** Column name in the result table. */
    String name();

    /** The durability settings, one line for the report. */
    String durability();

    /** Starts the broker with its data under {@code dataDir} (empty, fresh) and returns its connection factory. */
    ConnectionFactory start(Path dataDir) throws Exception;

    /** Stops the broker; the data directory may then be deleted. */
    @Override
    void close() throws Exception;
}
