package io.h2mq.ra.inbound;

import java.io.Serializable;

import io.h2mq.H2mqOptions;
import io.h2mq.ra.H2mqResourceAdapter;
import io.h2mq.ra.StoreSettings;

import jakarta.jms.MessageListener;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;

/**
 * How a message-driven bean is fed: the standard activation properties of the Messaging spec (section 13), plus
 * {@code maxSession} and the store settings, each unset one falling back to the resource adapter's.
 *
 * <p>A JavaBean the server fills before {@link #validate()}; not changed afterwards.
 */
@Activation(messageListeners = MessageListener.class)
public class H2mqActivationSpec implements ActivationSpec, Serializable {
    private static final long serialVersionUID = 1L;

    private transient ResourceAdapter resourceAdapter;
    private final StoreSettings store = new StoreSettings();
    private String destinationLookup;
    private String connectionFactoryLookup;
    private String destination;
    private String destinationType;
    private String messageSelector;
    private String acknowledgeMode = "Auto-acknowledge";
    private String subscriptionDurability = "NonDurable";
    private String subscriptionName;
    private String clientId;
    private Boolean shareSubscriptions = Boolean.FALSE;
    private Integer maxSession = 15;
    private Long reconnectInterval = 5000L;

    @ConfigProperty(description = "JNDI name of the Queue or Topic to consume from")
    public void setDestinationLookup(String destinationLookup) {
        this.destinationLookup = blankToNull(destinationLookup);
    }

    public String getDestinationLookup() {
        return destinationLookup;
    }

    @ConfigProperty(description = "JNDI name of an h2mq connection factory whose store to use instead of the "
            + "adapter's")
    public void setConnectionFactoryLookup(String connectionFactoryLookup) {
        this.connectionFactoryLookup = blankToNull(connectionFactoryLookup);
    }

    public String getConnectionFactoryLookup() {
        return connectionFactoryLookup;
    }

    @ConfigProperty(description = "Physical name of the queue or topic, when destinationLookup is not set")
    public void setDestination(String destination) {
        this.destination = blankToNull(destination);
    }

    public String getDestination() {
        return destination;
    }

    @ConfigProperty(description = "jakarta.jms.Queue or jakarta.jms.Topic", defaultValue = "jakarta.jms.Queue")
    public void setDestinationType(String destinationType) {
        this.destinationType = blankToNull(destinationType);
    }

    public String getDestinationType() {
        return destinationType;
    }

    @ConfigProperty(description = "Message selector")
    public void setMessageSelector(String messageSelector) {
        this.messageSelector = blankToNull(messageSelector);
    }

    public String getMessageSelector() {
        return messageSelector;
    }

    @ConfigProperty(description = "Auto-acknowledge or Dups-ok-acknowledge, for beans without a transaction",
            defaultValue = "Auto-acknowledge")
    public void setAcknowledgeMode(String acknowledgeMode) {
        this.acknowledgeMode = acknowledgeMode;
    }

    public String getAcknowledgeMode() {
        return acknowledgeMode;
    }

    @ConfigProperty(description = "Durable or NonDurable (topics only)", defaultValue = "NonDurable")
    public void setSubscriptionDurability(String subscriptionDurability) {
        this.subscriptionDurability = subscriptionDurability;
    }

    public String getSubscriptionDurability() {
        return subscriptionDurability;
    }

    @ConfigProperty(description = "Name of the durable or shared subscription")
    public void setSubscriptionName(String subscriptionName) {
        this.subscriptionName = blankToNull(subscriptionName);
    }

    public String getSubscriptionName() {
        return subscriptionName;
    }

    @ConfigProperty(description = "Client identifier of the activation's connection (part of an unshared durable "
            + "subscription's identity)")
    public void setClientId(String clientId) {
        this.clientId = blankToNull(clientId);
    }

    public String getClientId() {
        return clientId;
    }

    @ConfigProperty(description = "true: the subscription is shared (JMS 2.0 shared subscriptions), so several "
            + "activations or servers split its messages", defaultValue = "false")
    public void setShareSubscriptions(Boolean shareSubscriptions) {
        this.shareSubscriptions = shareSubscriptions;
    }

    public Boolean getShareSubscriptions() {
        return shareSubscriptions;
    }

    @ConfigProperty(description = "Most messages delivered to the bean at once (concurrent sessions)",
            defaultValue = "15")
    public void setMaxSession(Integer maxSession) {
        this.maxSession = maxSession;
    }

    public Integer getMaxSession() {
        return maxSession;
    }

    @ConfigProperty(description = "Milliseconds between attempts to reconnect after the store was unreachable",
            defaultValue = "5000")
    public void setReconnectInterval(Long reconnectInterval) {
        this.reconnectInterval = reconnectInterval;
    }

    public Long getReconnectInterval() {
        return reconnectInterval;
    }

    @ConfigProperty(description = "JDBC URL of the store, when not the adapter's")
    public void setUrl(String url) {
        store.setUrl(url);
    }

    public String getUrl() {
        return store.getUrl();
    }

    @ConfigProperty(description = "Database user of the store, when not the adapter's")
    public void setUser(String user) {
        store.setUser(user);
    }

    public String getUser() {
        return store.getUser();
    }

    @ConfigProperty(description = "Database password of the store, when not the adapter's", confidential = true)
    public void setPassword(String password) {
        store.setPassword(password);
    }

    public String getPassword() {
        return store.getPassword();
    }

    @ConfigProperty(description = "Other h2mq options as name=value pairs separated by ';' (for example "
            + "maxDeliveryAttempts=3;deadLetterQueue=DLQ)")
    public void setOptions(String options) {
        store.setOptions(options);
    }

    public String getOptions() {
        return store.getOptions();
    }

    /** The provider options of this activation's store: its own settings over the adapter's. */
    public H2mqOptions storeOptions(StoreSettings adapterSettings) {
        return store.toOptions(adapterSettings);
    }

    public boolean isTopic() {
        return "jakarta.jms.Topic".equals(destinationType) || "javax.jms.Topic".equals(destinationType);
    }

    public boolean isDurable() {
        return "Durable".equalsIgnoreCase(subscriptionDurability);
    }

    public boolean isDupsOk() {
        return "Dups-ok-acknowledge".equalsIgnoreCase(acknowledgeMode);
    }

    @Override
    public void validate() throws InvalidPropertyException {
        if (destinationLookup == null && destination == null) {
            throw new InvalidPropertyException("h2mq activation needs destinationLookup or destination, got neither");
        }
        if (destinationType != null && !isTopic() && !"jakarta.jms.Queue".equals(destinationType)
                && !"javax.jms.Queue".equals(destinationType)) {
            throw new InvalidPropertyException("h2mq activation property destinationType must be jakarta.jms.Queue "
                    + "or jakarta.jms.Topic, got '" + destinationType + "'");
        }
        if (!isDupsOk() && !"Auto-acknowledge".equalsIgnoreCase(acknowledgeMode)) {
            throw new InvalidPropertyException("h2mq activation property acknowledgeMode must be Auto-acknowledge "
                    + "or Dups-ok-acknowledge, got '" + acknowledgeMode + "'");
        }
        if (!isDurable() && !"NonDurable".equalsIgnoreCase(subscriptionDurability)) {
            throw new InvalidPropertyException("h2mq activation property subscriptionDurability must be Durable "
                    + "or NonDurable, got '" + subscriptionDurability + "'");
        }
        if (isTopic() && isDurable() && subscriptionName == null) {
            throw new InvalidPropertyException("h2mq activation of a durable topic subscription needs "
                    + "subscriptionName");
        }
        if (maxSession == null || maxSession < 1) {
            throw new InvalidPropertyException("h2mq activation property maxSession must be at least 1, got "
                    + maxSession);
        }
        if (reconnectInterval == null || reconnectInterval < 0) {
            throw new InvalidPropertyException("h2mq activation property reconnectInterval must not be negative, "
                    + "got " + reconnectInterval);
        }
        try {
            store.toOptions(resourceAdapter instanceof H2mqResourceAdapter ra ? ra.settings() : null);
        } catch (IllegalArgumentException e) {
            InvalidPropertyException x = new InvalidPropertyException("h2mq activation: " + e.getMessage());
            x.initCause(e);
            throw x;
        }
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        this.resourceAdapter = ra;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return "H2mqActivationSpec[" + (destinationLookup != null ? destinationLookup : destination)
                + (isTopic() ? " (topic" + (isDurable() ? ", durable " + subscriptionName : "") + ")" : "")
                + (messageSelector != null ? ", selector " + messageSelector : "") + ", maxSession " + maxSession
                + ", store " + store + "]";
    }
}
