package io.h2mq.cli;

import io.h2mq.H2mqConnectionFactory;
import io.h2mq.H2mqOptions;
import io.h2mq.management.StoreAdmin;

import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Session;

/**
 * One command's connection to the store. Opening it is where an unreachable or locked store shows, so its failures
 * become {@link StoreUnreachableException}; everything after is plain JMS.
 */
final class OpenStore implements AutoCloseable {
    private final String url;
    private final H2mqOptions options;
    private final Connection connection;

    private OpenStore(String url, H2mqOptions options, Connection connection) {
        this.url = url;
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
            return new OpenStore(store.url, options, connection);
        } catch (JMSException | RuntimeException e) {
            throw new StoreUnreachableException(store.url, e);
        }
    }

    /** The administration of the store (stat, purge, move); with {@code mustExist} as for {@link #open}. */
    static StoreAdmin admin(StoreOptions store, boolean mustExist) throws StoreUnreachableException {
        H2mqOptions options = store.toOptions(mustExist);
        try {
            return StoreAdmin.open(options);
        } catch (JMSException | RuntimeException e) {
            throw new StoreUnreachableException(store.url, e);
        }
    }

    /**
     * Fails unless the store has the queue. Browsing or consuming a queue creates it, which would hide a mistyped
     * name behind an empty queue; the store's statistics list the queues without reading a message.
     */
    void requireQueue(String queue) throws JMSException {
        try (StoreAdmin admin = StoreAdmin.open(options)) {
            boolean exists = admin.statistics().stream()
                    .anyMatch(s -> s.isQueue() && s.destination().equals(queue));
            if (!exists) {
                throw new InvalidDestinationException("the store at " + url + " has no queue '" + queue + "'");
            }
        }
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
