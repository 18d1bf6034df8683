package io.h2mq.client;

import io.h2mq.H2mqOptions;
import io.h2mq.engine.Broker;
import io.h2mq.engine.Brokers;
import io.h2mq.engine.Clock;
import io.h2mq.engine.DeliveryPolicies;
import io.h2mq.engine.DeliveryPolicy;
import io.h2mq.engine.JmsErrors;
import io.h2mq.engine.OverflowPolicy;
import io.h2mq.security.Access;
import io.h2mq.security.Security;
import io.h2mq.security.SecuritySettings;
import io.h2mq.store.StoreSettings;

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
        Access access = security(options).login(userName, password);
        Broker broker = engine(options);
        try {
            return xa ? new XaConnectionImpl(broker, options.getClientID(), options.getPrefetch(), access)
                    : new ConnectionImpl(broker, options.getClientID(), options.getPrefetch(), access);
        } catch (RuntimeException | JMSException e) {
            Brokers.release(broker);
            throw e;
        }
    }

    /**
     * The security the options describe: who may connect, and the {@code Authorizer} management code checks
     * {@code manage} with. Files are read anew at each call.
     */
    public static Security security(H2mqOptions options) throws JMSException {
        return Security.of(new SecuritySettings(options.getUsers(), options.getSecurityUsers(),
                options.getSecurityRoles(), options.getSecurityPermissions(), options.getJaasLoginContext(),
                options.getJaasRolePrincipalClass(), options.getSecurityDefaultUser(),
                options.getSecurityDefaultRoles()));
    }

    /**
     * The engine of the store the options name, shared with every connection of this JVM to the same store; hand it
     * back with {@link Brokers#release}.
     */
    public static Broker engine(H2mqOptions options) throws JMSException {
        StoreSettings settings = new StoreSettings(options.getUrl(), options.getUser(), DatabasePassword.of(options),
                options.getPoolSize(), "POWER_LOSS".equals(options.getDurability()), options.getLeaseTime(),
                options.getPollInterval());
        return Brokers.acquire(settings, Clock.system(), policies(options));
    }

    private static DeliveryPolicies policies(H2mqOptions options) throws JMSException {
        DeliveryPolicy defaults = new DeliveryPolicy(options.getMaxDeliveryAttempts(), options.getRedeliveryDelay(),
                options.getRedeliveryBackoff(), options.getMaxRedeliveryDelay(), options.getDeadLetterQueue());
        try {
            OverflowPolicy overflow = new OverflowPolicy(options.getMaxDepth(), options.getMaxDepthBytes(),
                    OverflowPolicy.Action.valueOf(options.getOverflow()), options.getBlockTimeout());
            return DeliveryPolicies.of(defaults, overflow, options.getExpiryQueue(), options.getMaxMessageSize(),
                    options.getPolicies());
        } catch (IllegalArgumentException e) {
            throw JmsErrors.withCause(new JMSException("h2mq option 'policies': " + e.getMessage()), e);
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
