package io.h2mq.security;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.jms.JMSSecurityException;

/**
 * What one connection may do: its identity and the authorizer, with every decision cached per permission and
 * destination name, so that a check on the send path is one map look-up after the first.
 *
 * <p>Thread-safe: a connection's sessions check concurrently. The cache of a permission is cleared when it passes
 * {@value #MAX_CACHED} names, so a connection that replies to many temporary queues does not grow it without bound.
 */
public final class Access {
    static final int MAX_CACHED = 1024;

    private final Identity identity;
    private final Authorizer authorizer;
    private final Map<Permission, Map<String, Boolean>> decisions = new EnumMap<>(Permission.class);

    public Access(Identity identity, Authorizer authorizer) {
        this.identity = identity;
        this.authorizer = authorizer;
        for (Permission p : Permission.values()) {
            decisions.put(p, new ConcurrentHashMap<>());
        }
    }

    public Identity identity() {
        return identity;
    }

    /**
     * Returns if the connection may do {@code permission} on {@code destination}.
     *
     * @throws JMSSecurityException naming the user, the operation and the destination
     */
    public void check(Permission permission, String destination) throws JMSSecurityException {
        if (!allows(permission, destination)) {
            throw Authorizer.refusal(identity, permission, destination, authorizer.decide(permission, destination));
        }
    }

    /** Whether the connection may do {@code permission} on {@code destination}; the decision is cached. */
    public boolean allows(Permission permission, String destination) {
        if (authorizer.isUnrestricted()) {
            return true;
        }
        Map<String, Boolean> cache = decisions.get(permission);
        Boolean allowed = cache.get(destination);
        if (allowed == null) {
            allowed = authorizer.allows(identity, permission, destination);
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(destination, allowed);
        }
        return allowed;
    }

    @Override
    public String toString() {
        return "Access[" + identity.describe() + ", roles " + identity.roles() + "]";
    }
}
