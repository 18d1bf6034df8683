package io.h2mq.cli;

import io.h2mq.H2mqConnectionFactory;
import io.h2mq.H2mqOptions;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;

/**
 * One command's connection to the store. Opening it is where an unreachable or locked store shows, so its failures
 * become {@link StoreUnreachableException}; everything after is plain JMS.
 */
final class OpenStore implements AutoCloseable {
    private final H2mqOptions options;
    private final Connection connection;

    private OpenStore(H2mqOptions options, Connection connection) {
        this.options = options;
        this.connection = connection;
    }

    /** Opens the store; with {@code mustExist}, only a store that exists (see {@link StoreOptions#toOptions}). */
    static OpenStore open(StoreOptions store, boolean mustExist) throws StoreUnreachableException {
        return open(store, store.toOptions(mustExist));
    }

    /** Opens the store with {@code options} made from {@code store}; messages name the URL as the user gave it. */
    static OpenStore open(StoreOptions store, H2mqOptions options) throws StoreUnreachableException {
        try {
            Connection connection = new H2mqConnectionFactory(options).createConnection();
            return new OpenStore(options, connection);
        } catch (JMSException | RuntimeException e) {
            throw new StoreUnreachableException(store.url, e);
        }
    }

    H2mqOptions options() {
        return options;
    }

    /** A session of the connection, started so that consumers receive. */
    Session session(boolean transacted, int acknowledgeMode) throws JMSException {
        Session session = connection.createSession(transacted, acknowledgeMode);
        connection.start();
        return session;
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
