package io.h2mq.ra.outbound;

import java.lang.System.Logger.Level;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;

/**
 * The connection manager of a factory made outside an application server (non-managed use, Connectors 6.5.1.3): each
 * {@code createConnection} opens a physical connection and closing the handle destroys it. No pool, no transactions.
 */
final class UnpooledConnectionManager implements ConnectionManager {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(UnpooledConnectionManager.class.getName());

    @Override
    public Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info)
            throws ResourceException {
        ManagedConnection mc = factory.createManagedConnection(null, info);
        mc.addConnectionEventListener(new DestroyOnClose(mc));
        return mc.getConnection(null, info);
    }

    private record DestroyOnClose(ManagedConnection mc) implements ConnectionEventListener {
        @Override
        public void connectionClosed(ConnectionEvent event) {
            destroy();
        }

        @Override
        public void connectionErrorOccurred(ConnectionEvent event) {
            destroy();
        }

        private void destroy() {
            try {
                mc.destroy();
            } catch (ResourceException e) {
                // The handle is already closed for the application; the physical close failing leaves nothing to do.
                LOG.log(Level.WARNING, "h2mq unpooled connection did not close cleanly", e);
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
    }
}
