package io.h2mq.ra.outbound;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;

/**
 * What an application server's pool does with a managed connection factory, reduced to the calls the Connectors spec
 * makes: match an idle connection or create one, clean it up when its handle closes, destroy it on an error event.
 * Records the events so tests can check them.
 */
final class PoolingConnectionManager implements ConnectionManager, ConnectionEventListener {
    private static final long serialVersionUID = 1L;

    final Deque<ManagedConnection> idle = new ArrayDeque<>();
    final List<ManagedConnection> created = new ArrayList<>();
    final List<ConnectionEvent> events = new ArrayList<>();

    @Override
    public synchronized Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info)
            throws ResourceException {
        ManagedConnection mc = factory.matchManagedConnections(Set.copyOf(idle), null, info);
        if (mc != null) {
            idle.remove(mc);
        } else {
            mc = factory.createManagedConnection(null, info);
            mc.addConnectionEventListener(this);
            created.add(mc);
        }
        return mc.getConnection(null, info);
    }

    @Override
    public synchronized void connectionClosed(ConnectionEvent event) {
        events.add(event);
        ManagedConnection mc = (ManagedConnection) event.getSource();
        try {
            mc.cleanup();
        } catch (ResourceException e) {
            throw new IllegalStateException(e);
        }
        idle.push(mc);
    }

    @Override
    public synchronized void connectionErrorOccurred(ConnectionEvent event) {
        events.add(event);
        ManagedConnection mc = (ManagedConnection) event.getSource();
        idle.remove(mc);
        try {
            mc.destroy();
        } catch (ResourceException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void localTransactionStarted(ConnectionEvent event) {
    }

    @Override
    public void localTransactionCommitted(ConnectionEvent event) {
    }

    @Override
    public void localTransactionRolledback(ConnectionEvent event) {
    }

    synchronized void destroyAll() throws ResourceException {
        for (ManagedConnection mc : created) {
            mc.destroy();
        }
    }
}
