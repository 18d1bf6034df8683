package io.h2mq.ra;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.transaction.xa.XAResource;

import io.h2mq.H2mqOptions;
import io.h2mq.H2mqXAConnectionFactory;

import jakarta.jms.JMSException;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ResourceAdapterInternalException;

/**
 * One XA session per store, kept open while the adapter runs, whose XA resources the transaction manager uses to
 * find and complete prepared branches after a crash. A store's prepared branches are the same whichever connection
 * asks, so one resource per store URL is enough.
 */
final class RecoveryConnections {
    private static final System.Logger LOG = System.getLogger(RecoveryConnections.class.getName());

    private final Map<String, XASession> sessions = new LinkedHashMap<>();
    private final Map<String, XAConnection> connections = new LinkedHashMap<>();

    synchronized XAResource[] resourcesFor(List<H2mqOptions> stores) throws ResourceException {
        List<XAResource> resources = new java.util.ArrayList<>();
        for (H2mqOptions store : stores) {
            XASession session = sessions.get(store.getUrl());
            if (session == null) {
                session = open(store);
            }
            if (!resources.contains(session.getXAResource())) {
                resources.add(session.getXAResource());
            }
        }
        return resources.toArray(XAResource[]::new);
    }

    private XASession open(H2mqOptions store) throws ResourceException {
        try {
            XAConnection connection = new H2mqXAConnectionFactory(store).createXAConnection();
            try {
                XASession session = connection.createXASession();
                connections.put(store.getUrl(), connection);
                sessions.put(store.getUrl(), session);
                return session;
            } catch (JMSException e) {
                connection.close();
                throw e;
            }
        } catch (JMSException e) {
            throw new ResourceAdapterInternalException("h2mq cannot open store " + store.getUrl()
                    + " for transaction recovery: " + e.getMessage(), e);
        }
    }

    synchronized void closeAll() {
        for (Map.Entry<String, XAConnection> e : connections.entrySet()) {
            try {
                e.getValue().close();
            } catch (JMSException ex) {
                // The adapter is stopping; the store's own shutdown follows. Nothing to hand the failure to.
                LOG.log(Level.WARNING, "h2mq recovery connection to " + e.getKey() + " did not close cleanly", ex);
            }
        }
        connections.clear();
        sessions.clear();
    }
}
