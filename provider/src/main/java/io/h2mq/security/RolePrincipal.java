package io.h2mq.security;

import java.io.Serializable;
import java.security.Principal;

/** A role of an authenticated JAAS subject: the default class h2mq reads a subject's roles from. */
public record RolePrincipal(String name) implements Principal, Serializable {
    @Override
    public String getName() {
        return name;
    }
}
