package io.h2mq.security;

import java.util.Set;
import java.util.TreeSet;

import jakarta.jms.JMSSecurityException;

/**
 * Decides whether an identity may do something on a destination. Messaging checks go through a connection's
 * {@link Access}, which caches these decisions; management code (JMX operations, tools) calls
 * {@link #check(Identity, Permission, String)} with {@link Permission#MANAGE} directly.
 *
 * <p>Without rules ({@link #unrestricted()}) every identity may do everything: that is the default, so an embedded
 * store needs no configuration. Immutable and thread-safe.
 */
public final class Authorizer {
    private static final Authorizer UNRESTRICTED = new Authorizer(null);

    private final Permissions permissions;

    private Authorizer(Permissions permissions) {
        this.permissions = permissions;
    }

    /** An authorizer that grants what {@code permissions} grant and nothing else. */
    public static Authorizer of(Permissions permissions) {
        return new Authorizer(java.util.Objects.requireNonNull(permissions, "permissions"));
    }

    public static Authorizer unrestricted() {
        return UNRESTRICTED;
    }

    public boolean isUnrestricted() {
        return permissions == null;
    }

    public boolean allows(Identity identity, Permission permission, String destination) {
        return permissions == null || permissions.decide(permission, destination).allows(identity.roles());
    }

    /**
     * Returns if {@code identity} may do {@code permission} on {@code destination}.
     *
     * @throws JMSSecurityException naming the user, the operation, the destination and the roles that would have
     *                              been needed
     */
    public void check(Identity identity, Permission permission, String destination) throws JMSSecurityException {
        if (permissions == null) {
            return;
        }
        Permissions.Decision decision = permissions.decide(permission, destination);
        if (!decision.allows(identity.roles())) {
            throw refusal(identity, permission, destination, decision);
        }
    }

    static JMSSecurityException refusal(Identity identity, Permission permission, String destination,
                                        Permissions.Decision decision) {
        String grantedTo = decision.pattern()
                .map(p -> "granted to roles " + sorted(decision.roles()) + " by pattern '" + p + "'")
                .orElse("granted by no rule");
        return new JMSSecurityException(identity.describe() + " (roles " + sorted(identity.roles()) + ") may not "
                + permission.verb() + " '" + destination + "': permission '" + permission.ruleName() + "' there is "
                + grantedTo, "H2MQ_NOT_AUTHORIZED");
    }

    /** Decision details for a refusal seen through a cache. */
    Permissions.Decision decide(Permission permission, String destination) {
        return permissions.decide(permission, destination);
    }

    private static Set<String> sorted(Set<String> roles) {
        return new TreeSet<>(roles);
    }

    @Override
    public String toString() {
        return permissions == null ? "Authorizer[unrestricted]" : "Authorizer[" + permissions + "]";
    }
}
