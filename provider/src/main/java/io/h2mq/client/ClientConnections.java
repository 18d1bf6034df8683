package io.h2mq.client;

import io.h2mq.H2mqOptions;
import io.h2mq.engine.Broker;
import io.h2mq.engine.Brokers;
import io.h2mq.management.Engines;
import io.h2mq.security.Access;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;

/** Creates connections and contexts for the public connection factory. */
public final class ClientConnections {
    private ClientConnections() {
    }

    public static ConnectionImpl connect(H2mqOptions options, String userName, String password) throws JMSException {
        return open(options, userName, password, false);
    }

    public static XaConnectionImpl connectXa(H2mqOptions options, String userName, String password)
            throws JMSException {
        return (XaConnectionImpl) open(options, userName, password, true);
    }

    public static jakarta.jms.XAJMSContext xaContext(H2mqOptions options, String userName, String password) {
        try {
            return new XaContextImpl(connectXa(options, userName, password));
        } catch (JMSException e) {
            throw JmsRuntime.of(e);
        }
    }

    private static ConnectionImpl open(H2mqOptions options, String userName, String password, boolean xa)
            throws JMSException {
        Access access = Engines.security(options).login(userName, password);
        Broker broker = Engines.acquire(options);
        try {
            return xa ? new XaConnectionImpl(broker, options.getClientID(), options.getPrefetch(), access)
                    : new ConnectionImpl(broker, options.getClientID(), options.getPrefetch(), access);
        } catch (RuntimeException | JMSException e) {
            Brokers.release(broker);
            throw e;
        }
    }

    public static JMSContext context(H2mqOptions options, String userName, String password, int sessionMode) {
        try {
            ContextImpl.checkSessionMode(sessionMode);
            return new ContextImpl(connect(options, userName, password), sessionMode, true);
        } catch (JMSException e) {
            throw JmsRuntime.of(e);
        }
    }
}
