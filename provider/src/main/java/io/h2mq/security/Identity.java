package io.h2mq.security;

import java.util.Set;

/**
 * Who a connection is: the user name it authenticated as ({@code null} for an anonymous connection of a factory
 * without authentication) and the roles permissions are granted to.
 */
public record Identity(String name, Set<String> roles) {
    public Identity {
        roles = Set.copyOf(roles);
    }

    public static Identity anonymous() {
        return new Identity(null, Set.of());
    }

    /** The name as messages say it. */
    public String describe() {
        return name == null ? "anonymous user" : "user '" + name + "'";
    }
}
