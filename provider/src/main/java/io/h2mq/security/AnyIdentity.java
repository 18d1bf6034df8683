package io.h2mq.security;

import java.util.Set;

/** No authentication, the embedded default: any user name is taken as given, with no roles. */
final class AnyIdentity implements Authenticator {
    @Override
    public Identity login(String user, String password) {
        return new Identity(user, Set.of());
    }

    @Override
    public boolean requiresCredentials() {
        return false;
    }

    @Override
    public String toString() {
        return "no authentication";
    }
}
