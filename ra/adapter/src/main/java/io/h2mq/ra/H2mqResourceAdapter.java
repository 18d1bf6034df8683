package io.h2mq.ra;

import java.io.Serializable;
import java.lang.System.Logger.Level;

import javax.transaction.xa.XAResource;

import io.h2mq.H2mqOptions;
import io.h2mq.ra.inbound.Activations;
import io.h2mq.ra.inbound.H2mqActivationSpec;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.AuthenticationMechanism;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/**
 * h2mq as a JCA 2.1 resource adapter: outbound, pooled and XA-enlisted connection factories
 * ({@link io.h2mq.ra.outbound.H2mqManagedConnectionFactory}); inbound, message-driven beans fed through the server's
 * work manager ({@link H2mqActivationSpec}); and the XA resources the server's transaction manager recovers with.
 *
 * <p>The properties here are the defaults of every connection factory and activation of this adapter: the store URL,
 * its credentials, the pool size, and any other h2mq option in {@code options}.
 */
@Connector(
        displayName = "h2mq",
        description = "Jakarta Messaging provider whose broker is a SQL database (H2 by default)",
        vendorName = "h2mq",
        eisType = "Jakarta Messaging",
        version = "0.1",
        licenseRequired = false,
        reauthenticationSupport = false,
        authMechanisms = @AuthenticationMechanism(credentialInterface =
                AuthenticationMechanism.CredentialInterface.PasswordCredential),
        transactionSupport = TransactionSupport.TransactionSupportLevel.XATransaction)
public class H2mqResourceAdapter implements ResourceAdapter, Serializable {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(H2mqResourceAdapter.class.getName());

    private final StoreSettings settings = new StoreSettings();
    private transient Activations activations;
    private transient RecoveryConnections recovery;

    public H2mqResourceAdapter() {
        settings.setUrl(H2mqOptions.DEFAULT_URL);
    }

    @ConfigProperty(description = "JDBC URL of the store shared by every connection factory and activation of this "
            + "adapter, unless they set their own", defaultValue = H2mqOptions.DEFAULT_URL)
    public void setUrl(String url) {
        settings.setUrl(url);
    }

    public String getUrl() {
        return settings.getUrl();
    }

    @ConfigProperty(description = "Database user of the store")
    public void setUser(String user) {
        settings.setUser(user);
    }

    public String getUser() {
        return settings.getUser();
    }

    @ConfigProperty(description = "Database password of the store", confidential = true)
    public void setPassword(String password) {
        settings.setPassword(password);
    }

    public String getPassword() {
        return settings.getPassword();
    }

    @ConfigProperty(description = "Database connections the store may open (HikariCP pool size)")
    public void setPoolSize(Integer poolSize) {
        settings.setPoolSize(poolSize);
    }

    public Integer getPoolSize() {
        return settings.getPoolSize();
    }

    @ConfigProperty(description = "Other h2mq options as name=value pairs separated by ';' "
            + "(for example prefetch=10;maxDeliveryAttempts=5;deadLetterQueue=DLQ)")
    public void setOptions(String options) {
        settings.setOptions(options);
    }

    public String getOptions() {
        return settings.getOptions();
    }

    /** The settings that connection factories and activations fall back to. */
    public StoreSettings settings() {
        return settings;
    }

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        try {
            settings.toOptions(null);
        } catch (IllegalArgumentException e) {
            throw new ResourceAdapterInternalException("h2mq resource adapter: " + e.getMessage(), e);
        }
        activations = new Activations(context.getWorkManager(), settings,
                context.getTransactionSynchronizationRegistry());
        recovery = new RecoveryConnections();
        LOG.log(Level.INFO, "h2mq resource adapter started ({0})", settings);
    }

    @Override
    public void stop() {
        // Cleared, so a deactivation the server still sends after stop() (seen when an application failed to
        // deploy) finds nothing to do instead of classes the undeployed adapter no longer has.
        if (activations != null) {
            activations.stopAll();
            activations = null;
        }
        if (recovery != null) {
            recovery.closeAll();
            recovery = null;
        }
        LOG.log(Level.INFO, "h2mq resource adapter stopped");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        activations().activate(factory, h2mqSpec(spec));
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        if (activations != null && spec instanceof H2mqActivationSpec ours) {
            activations.deactivate(factory, ours);
        }
    }

    /**
     * The XA resources of the stores the given activations use, for the transaction manager's recovery scan: each
     * lists every prepared branch of its store, whichever process prepared it.
     */
    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) throws ResourceException {
        if (recovery == null) {
            throw new ResourceAdapterInternalException("h2mq resource adapter is not started");
        }
        java.util.List<H2mqOptions> stores = new java.util.ArrayList<>();
        stores.add(settings.toOptions(null));
        if (specs != null) {
            for (ActivationSpec spec : specs) {
                if (spec instanceof H2mqActivationSpec ours) {
                    stores.add(ours.storeOptions(settings));
                }
            }
        }
        return recovery.resourcesFor(stores);
    }

    private Activations activations() throws ResourceAdapterInternalException {
        if (activations == null) {
            throw new ResourceAdapterInternalException("h2mq resource adapter is not started");
        }
        return activations;
    }

    private static H2mqActivationSpec h2mqSpec(ActivationSpec spec) throws ResourceException {
        if (spec instanceof H2mqActivationSpec ours) {
            return ours;
        }
        throw new jakarta.resource.NotSupportedException("h2mq resource adapter takes only "
                + H2mqActivationSpec.class.getName() + ", got " + (spec == null ? "null" : spec.getClass().getName()));
    }

    // A resource adapter is a JavaBean the server may compare; identity is its configuration (Connectors 5.3.1).
    @Override
    public boolean equals(Object o) {
        return o instanceof H2mqResourceAdapter other && other.settings.toString().equals(settings.toString())
                && java.util.Objects.equals(other.settings.getPassword(), settings.getPassword());
    }

    @Override
    public int hashCode() {
        return settings.toString().hashCode();
    }
}
