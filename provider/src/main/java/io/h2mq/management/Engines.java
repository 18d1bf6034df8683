package io.h2mq.management;

import java.lang.System.Logger.Level;

import io.h2mq.H2mqOptions;
import io.h2mq.engine.Broker;
import io.h2mq.engine.Brokers;
import io.h2mq.engine.Clock;
import io.h2mq.engine.DeliveryPolicies;
import io.h2mq.engine.DeliveryPolicy;
import io.h2mq.engine.JmsErrors;
import io.h2mq.engine.OverflowPolicy;
import io.h2mq.security.Security;
import io.h2mq.security.SecuritySettings;
import io.h2mq.store.StoreSettings;

import jakarta.jms.JMSException;

/**
 * The engine of the store some options name, shared by every connection and {@link StoreAdmin} of the JVM to that
 * store, with its monitoring attached when it starts: MBeans ({@code jmx}, on by default) and Micrometer meters
 * ({@code metrics}). Monitoring lives and ends with the engine, so MBeans disappear when the last connection closes.
 * Hand the engine back with {@link Brokers#release}. Also where the options' {@link #security} is made, for
 * connections and for {@link StoreAdmin} alike.
 */
public final class Engines {
    private static final System.Logger LOG = System.getLogger(Engines.class.getName());
    static final String MICROMETER = "io.micrometer.core.instrument.MeterRegistry";

    private Engines() {
    }

    public static Broker acquire(H2mqOptions options) throws JMSException {
        StoreSettings settings = new StoreSettings(options.getUrl(), options.getUser(), DatabasePassword.of(options),
                options.getPoolSize(), "POWER_LOSS".equals(options.getDurability()), options.getLeaseTime(),
                options.getPollInterval(), options.getExpiryScanInterval());
        Broker broker = Brokers.acquire(settings, Clock.system(), policies(options));
        try {
            if (options.isJmx()) {
                broker.attach("MBeans", () -> MBeans.register(broker, monitor(broker)));
            }
            if (options.isMetrics()) {
                requireMicrometer(options);
                broker.attach("meters", () -> io.h2mq.metrics.GlobalRegistryBinding.bind(monitor(broker)));
            }
            return broker;
        } catch (JMSException | RuntimeException e) {
            Brokers.release(broker);
            throw e;
        }
    }

    /**
     * The security the options describe: who may connect, and the {@code Authorizer} that checks
     * {@code manage}. Files are read anew at each call.
     */
    public static Security security(H2mqOptions options) throws JMSException {
        return Security.of(new SecuritySettings(options.getUsers(), options.getSecurityUsers(),
                options.getSecurityRoles(), options.getSecurityPermissions(), options.getJaasLoginContext(),
                options.getJaasRolePrincipalClass(), options.getSecurityDefaultUser(),
                options.getSecurityDefaultRoles()));
    }

    /** The engine's figures, read at most once a second however many MBeans and meters ask. */
    static CachedStatistics monitor(Broker broker) {
        return broker.attach("statistics",
                () -> new CachedStatistics(new EngineStatistics(broker), CachedStatistics.FRESH));
    }

    private static void requireMicrometer(H2mqOptions options) throws JMSException {
        try {
            Class.forName(MICROMETER, false, Engines.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw JmsErrors.withCause(new JMSException("h2mq option 'metrics' is true for the store at "
                    + options.getUrl() + " but Micrometer (" + MICROMETER + ") is not on the class path"), e);
        }
    }

    /** The store's URL without a password, to name it in MBeans and meters. */
    static String storeId(Broker broker) {
        return storeId(broker.settings().url());
    }

    static String storeId(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1****");
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

    static void logFailure(String what, Exception e) {
        LOG.log(Level.WARNING, "h2mq " + what + " failed", e);
    }
}
