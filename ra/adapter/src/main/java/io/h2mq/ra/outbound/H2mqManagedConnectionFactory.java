package io.h2mq.ra.outbound;

import java.io.PrintWriter;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import javax.security.auth.Subject;

import io.h2mq.H2mqOptions;
import io.h2mq.ra.H2mqResourceAdapter;
import io.h2mq.ra.StoreSettings;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnectionFactory;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionDefinitions;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;
import jakarta.resource.spi.security.PasswordCredential;

/**
 * Makes the pooled physical connections ({@link H2mqManagedConnection}) behind the connection factories applications
 * look up, and the factories themselves ({@link H2mqRaConnectionFactory}). Its store settings override the resource
 * adapter's; left unset, the adapter's apply.
 *
 * <p>A JavaBean configured by the server before use. The server's pool calls {@link #getInvalidConnections} to drop
 * connections whose store failed.
 */
@ConnectionDefinitions({
        @ConnectionDefinition(connectionFactory = ConnectionFactory.class,
                connectionFactoryImpl = H2mqRaConnectionFactory.class,
                connection = jakarta.jms.Connection.class, connectionImpl = ConnectionHandle.class),
        @ConnectionDefinition(connectionFactory = QueueConnectionFactory.class,
                connectionFactoryImpl = H2mqRaConnectionFactory.class,
                connection = jakarta.jms.QueueConnection.class, connectionImpl = ConnectionHandle.class),
        @ConnectionDefinition(connectionFactory = TopicConnectionFactory.class,
                connectionFactoryImpl = H2mqRaConnectionFactory.class,
                connection = jakarta.jms.TopicConnection.class, connectionImpl = ConnectionHandle.class)})
public class H2mqManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation,
        ValidatingManagedConnectionFactory, TransactionSupport, Serializable {
    private static final long serialVersionUID = 1L;

    private final StoreSettings settings = new StoreSettings();
    private transient ResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;

    @ConfigProperty(description = "JDBC URL of the store, when not the resource adapter's")
    public void setUrl(String url) {
        settings.setUrl(url);
    }

    public String getUrl() {
        return settings.getUrl();
    }

    @ConfigProperty(description = "Database user of the store, when not the resource adapter's")
    public void setUser(String user) {
        settings.setUser(user);
    }

    public String getUser() {
        return settings.getUser();
    }

    @ConfigProperty(description = "Database password of the store, when not the resource adapter's",
            confidential = true)
    public void setPassword(String password) {
        settings.setPassword(password);
    }

    public String getPassword() {
        return settings.getPassword();
    }

    @ConfigProperty(description = "Database connections the store may open, when not the resource adapter's")
    public void setPoolSize(Integer poolSize) {
        settings.setPoolSize(poolSize);
    }

    public Integer getPoolSize() {
        return settings.getPoolSize();
    }

    @ConfigProperty(description = "Other h2mq options as name=value pairs separated by ';', over the resource "
            + "adapter's (for example clientID=orders;prefetch=1)")
    public void setOptions(String options) {
        settings.setOptions(options);
    }

    public String getOptions() {
        return settings.getOptions();
    }

    /** The provider options of this factory's store: its settings over the resource adapter's. */
    H2mqOptions storeOptions() throws ResourceException {
        try {
            return settings.toOptions(resourceAdapter instanceof H2mqResourceAdapter ra ? ra.settings() : null);
        } catch (IllegalArgumentException e) {
            throw new InvalidPropertyException("h2mq connection factory: " + e.getMessage(), e);
        }
    }

    @Override
    public Object createConnectionFactory(ConnectionManager manager) throws ResourceException {
        storeOptions();
        return new H2mqRaConnectionFactory(this, manager);
    }

    /** Outside an application server: connections are not pooled, as the Connectors spec allows. */
    @Override
    public Object createConnectionFactory() throws ResourceException {
        return createConnectionFactory(new UnpooledConnectionManager());
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
            throws ResourceException {
        return H2mqManagedConnection.open(this, storeOptions(), credentials(subject, info));
    }

    @Override
    public ManagedConnection matchManagedConnections(@SuppressWarnings("rawtypes") Set candidates, Subject subject,
            ConnectionRequestInfo info) throws ResourceException {
        Credentials wanted = credentials(subject, info);
        for (Object candidate : candidates) {
            if (candidate instanceof H2mqManagedConnection mc && mc.factory() == this
                    && mc.credentials().equals(wanted) && mc.isUsable()) {
                return mc;
            }
        }
        return null;
    }

    @Override
    public Set<ManagedConnection> getInvalidConnections(@SuppressWarnings("rawtypes") Set connections) {
        Set<ManagedConnection> invalid = new HashSet<>();
        for (Object c : connections) {
            if (c instanceof H2mqManagedConnection mc && !mc.isUsable()) {
                invalid.add(mc);
            }
        }
        return invalid;
    }

    /** Container-managed sign-on puts the credentials in the subject; component-managed passes them as info. */
    private Credentials credentials(Subject subject, ConnectionRequestInfo info) {
        if (subject != null) {
            for (PasswordCredential pc : subject.getPrivateCredentials(PasswordCredential.class)) {
                if (pc.getManagedConnectionFactory() == null || pc.getManagedConnectionFactory().equals(this)) {
                    return new Credentials(pc.getUserName(), new String(pc.getPassword()));
                }
            }
        }
        return Credentials.of(info);
    }

    @Override
    public TransactionSupportLevel getTransactionSupport() {
        return TransactionSupportLevel.XATransaction;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        this.resourceAdapter = ra;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    // Connectors 6.5.3.3: equal factories must be configured alike, so the pool may share connections between them.
    @Override
    public boolean equals(Object o) {
        return o instanceof H2mqManagedConnectionFactory other && other.settings.toString().equals(settings.toString())
                && Objects.equals(other.settings.getPassword(), settings.getPassword());
    }

    @Override
    public int hashCode() {
        return settings.toString().hashCode();
    }

    @Override
    public String toString() {
        return "H2mqManagedConnectionFactory[" + settings + "]";
    }
}
