package io.h2mq.security;

import java.io.Serializable;
import java.security.Principal;

/** The user of an authenticated JAAS subject, as {@link PropertiesLoginModule} adds it. */
public record UserPrincipal(String name) implements Principal, Serializable {
    @Override
    public String getName() {
        return name;
    }
}
