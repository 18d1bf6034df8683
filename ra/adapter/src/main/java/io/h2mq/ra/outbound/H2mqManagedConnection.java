package io.h2mq.ra.outbound;

import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;

import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

import io.h2mq.H2mqOptions;
import io.h2mq.H2mqXAConnectionFactory;

import jakarta.jms.JMSException;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.SecurityException;

/**
 * One pooled physical connection to the store: a provider XA connection with one XA session, which every handle of
 * this connection uses (the Jakarta EE rule of one session per connection in web and EJB components). Inside a
 * transaction the session's work belongs to the transaction's branch; outside one it acknowledges automatically.
 *
 * <p>Handles come and go on application threads; the server's pool calls {@link #cleanup()} and {@link #destroy()}
 * when no handle is in use. A failure of the store, reported by the provider's exception listener, marks the
 * connection unusable and tells the pool through a connection-error event.
 */
final class H2mqManagedConnection implements ManagedConnection {
    private static final System.Logger LOG = System.getLogger(H2mqManagedConnection.class.getName());

    private final H2mqManagedConnectionFactory factory;
    private final Credentials credentials;
    private final XAConnection connection;
    private final XASession session;
    private final ManagedXAResource xaResource;
    private final ManagedLocalTransaction localTransaction;
    private final Set<ConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean broken;
    private volatile boolean destroyed;
    private PrintWriter logWriter;

    private H2mqManagedConnection(H2mqManagedConnectionFactory factory, Credentials credentials,
            XAConnection connection, XASession session) {
        this.factory = factory;
        this.credentials = credentials;
        this.connection = connection;
        this.session = session;
        this.xaResource = new ManagedXAResource(session.getXAResource());
        this.localTransaction = new ManagedLocalTransaction(xaResource);
    }

    static H2mqManagedConnection open(H2mqManagedConnectionFactory factory, H2mqOptions options,
            Credentials credentials) throws ResourceException {
        XAConnection connection;
        try {
            connection = new H2mqXAConnectionFactory(options).createXAConnection(credentials.user(),
                    credentials.password());
        } catch (jakarta.jms.JMSSecurityException e) {
            throw new SecurityException("h2mq refused " + credentials + " on store " + options.getUrl() + ": "
                    + e.getMessage(), e);
        } catch (JMSException e) {
            throw new ResourceAdapterInternalException("h2mq cannot connect to store " + options.getUrl() + ": "
                    + e.getMessage(), e);
        }
        try {
            H2mqManagedConnection mc = new H2mqManagedConnection(factory, credentials, connection,
                    connection.createXASession());
            connection.setExceptionListener(mc::storeFailed);
            return mc;
        } catch (JMSException e) {
            closeQuietly(connection, e);
            throw new ResourceAdapterInternalException("h2mq cannot open a session on store " + options.getUrl()
                    + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(XAConnection connection, JMSException cause) {
        try {
            connection.close();
        } catch (JMSException e) {
            cause.addSuppressed(e);
        }
    }

    H2mqManagedConnectionFactory factory() {
        return factory;
    }

    Credentials credentials() {
        return credentials;
    }

    XAConnection connection() {
        return connection;
    }

    XASession session() {
        return session;
    }

    boolean isUsable() {
        return !broken && !destroyed;
    }

    /** True while a global or local transaction is associated with the session. */
    boolean inTransaction() {
        return xaResource.associated();
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        checkUsable();
        ConnectionHandle handle = new ConnectionHandle(this);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object handle) throws ResourceException {
        checkUsable();
        if (!(handle instanceof ConnectionHandle ours)) {
            throw new ResourceAdapterInternalException("h2mq cannot associate a handle of type "
                    + (handle == null ? "null" : handle.getClass().getName()));
        }
        H2mqManagedConnection previous = ours.reassociate(this);
        if (previous != null) {
            previous.handles.remove(ours);
        }
        handles.add(ours);
    }

    /** A handle was closed by the application: tell the pool, which may then clean this connection up. */
    void handleClosed(ConnectionHandle handle) {
        handles.remove(handle);
        fire(ConnectionEvent.CONNECTION_CLOSED, handle, null);
    }

    private void storeFailed(JMSException e) {
        if (broken || destroyed) {
            return;
        }
        broken = true;
        LOG.log(Level.WARNING, "h2mq pooled connection lost its store; the pool will replace it", e);
        fire(ConnectionEvent.CONNECTION_ERROR_OCCURRED, null, e);
    }

    private void fire(int type, ConnectionHandle handle, Exception cause) {
        ConnectionEvent event = new ConnectionEvent(this, type, cause);
        if (handle != null) {
            event.setConnectionHandle(handle);
        }
        for (ConnectionEventListener listener : listeners) {
            if (type == ConnectionEvent.CONNECTION_CLOSED) {
                listener.connectionClosed(event);
            } else {
                listener.connectionErrorOccurred(event);
            }
        }
    }

    /**
     * Makes the connection as new for its next user: handles still open are invalidated (their consumers, producers
     * and temporary destinations closed) and the connection is stopped, as a new connection is.
     */
    @Override
    public void cleanup() throws ResourceException {
        for (ConnectionHandle handle : handles) {
            handle.invalidate();
        }
        handles.clear();
        if (!destroyed && !broken) {
            try {
                connection.stop();
            } catch (JMSException e) {
                throw new ResourceAdapterInternalException("h2mq pooled connection could not be stopped for reuse: "
                        + e.getMessage(), e);
            }
        }
    }

    @Override
    public void destroy() throws ResourceException {
        if (destroyed) {
            return;
        }
        destroyed = true;
        for (ConnectionHandle handle : handles) {
            handle.invalidate();
        }
        handles.clear();
        try {
            connection.close();
        } catch (JMSException e) {
            throw new ResourceAdapterInternalException("h2mq pooled connection did not close cleanly: "
                    + e.getMessage(), e);
        }
    }

    private void checkUsable() throws ResourceException {
        if (destroyed) {
            throw new jakarta.resource.spi.IllegalStateException("h2mq managed connection was destroyed");
        }
        if (broken) {
            throw new ResourceAdapterInternalException("h2mq managed connection lost its store");
        }
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() {
        return xaResource;
    }

    @Override
    public LocalTransaction getLocalTransaction() {
        return localTransaction;
    }

    @Override
    public ManagedConnectionMetaData getMetaData() throws ResourceException {
        return new MetaData(credentials.user());
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    private record MetaData(String user) implements ManagedConnectionMetaData {
        @Override
        public String getEISProductName() {
            return "h2mq";
        }

        @Override
        public String getEISProductVersion() {
            return "0.1";
        }

        @Override
        public int getMaxConnections() {
            return 0; // no limit of h2mq's own: the database's pool bounds the work, not the handles
        }

        @Override
        public String getUserName() {
            return user;
        }
    }
}
