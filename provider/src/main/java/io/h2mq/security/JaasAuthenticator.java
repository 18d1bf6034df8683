package io.h2mq.security;

import java.security.Principal;
import java.util.HashSet;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import jakarta.jms.JMSSecurityException;

/**
 * Authentication by a JAAS login module: the entry {@code jaasLoginContext} of the JVM's JAAS configuration, given a
 * {@link CredentialsCallbackHandler}. The user's roles are the names of the subject's principals of the role class
 * ({@code jaasRolePrincipalClass}, by default {@link RolePrincipal}), or of a subclass of it.
 */
final class JaasAuthenticator implements Authenticator {
    private final String entry;
    private final String rolePrincipalClass;

    JaasAuthenticator(String entry, String rolePrincipalClass) {
        this.entry = entry;
        this.rolePrincipalClass = rolePrincipalClass;
    }

    @Override
    public Identity login(String user, String password) throws JMSSecurityException {
        Subject subject = new Subject();
        try {
            new LoginContext(entry, subject, new CredentialsCallbackHandler(user, password)).login();
        } catch (LoginException e) {
            JMSSecurityException refused = Authenticator.refused(user, "JAAS login '" + entry + "' failed: "
                    + e.getMessage());
            refused.initCause(e);
            refused.setLinkedException(e);
            throw refused;
        }
        return new Identity(user, roles(subject));
    }

    private Set<String> roles(Subject subject) {
        Set<String> roles = new HashSet<>();
        for (Principal principal : subject.getPrincipals()) {
            if (isRole(principal.getClass())) {
                roles.add(principal.getName());
            }
        }
        return roles;
    }

    private boolean isRole(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(rolePrincipalClass)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean requiresCredentials() {
        return true;
    }

    @Override
    public String toString() {
        return "JAAS login '" + entry + "', roles of class " + rolePrincipalClass;
    }
}
