package io.h2mq.security;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;

/**
 * A connection factory's security, built from its {@link SecuritySettings} when a connection is created (so a
 * changed users, roles or permissions file applies to connections created afterwards): who may connect
 * ({@link #login}) and what they may do ({@link #authorizer()}).
 *
 * <p>Off by default: with no settings any identity connects and may do everything. Authentication is the users and
 * roles files, or a JAAS login module, or the simpler {@code users} option (no roles). A connection without
 * credentials is the default user when one is configured; otherwise it is refused by files and JAAS, and anonymous
 * with the {@code users} option or without authentication.
 *
 * <p>Immutable and thread-safe.
 */
public final class Security {
    public static final String DEFAULT_ROLE_PRINCIPAL = RolePrincipal.class.getName();

    private final Authenticator authenticator;
    private final Authorizer authorizer;
    private final Identity defaultIdentity;

    private Security(Authenticator authenticator, Authorizer authorizer, Identity defaultIdentity) {
        this.authenticator = authenticator;
        this.authorizer = authorizer;
        this.defaultIdentity = defaultIdentity;
    }

    /**
     * @throws JMSException naming the option, when the settings contradict each other or a file cannot be read
     */
    public static Security of(SecuritySettings settings) throws JMSException {
        Authenticator authenticator = authenticator(settings);
        Authorizer authorizer = Authorizer.unrestricted();
        if (present(settings.permissions())) {
            if (!authenticator.requiresCredentials()) {
                throw new JMSException("h2mq option 'securityPermissions' grants permissions to roles, so it needs "
                        + "users with roles: set 'securityUsers' (and 'securityRoles') or 'jaasLoginContext'");
            }
            authorizer = Authorizer.of(permissions(settings.permissions()));
        }
        Identity defaultIdentity = present(settings.defaultUser())
                ? new Identity(settings.defaultUser().trim(), roleList(settings.defaultRoles())) : null;
        return new Security(authenticator, authorizer, defaultIdentity);
    }

    private static Authenticator authenticator(SecuritySettings s) throws JMSException {
        if (present(s.jaasLoginContext()) && present(s.usersFile())) {
            throw new JMSException("h2mq options 'jaasLoginContext' and 'securityUsers' are exclusive: a JAAS "
                    + "configuration names its own files (io.h2mq.security.PropertiesLoginModule users=..., roles=...)");
        }
        if (present(s.users()) && (present(s.usersFile()) || present(s.jaasLoginContext()))) {
            throw new JMSException("h2mq option 'users' cannot be combined with 'securityUsers' or "
                    + "'jaasLoginContext': put its users in the users file");
        }
        if (present(s.rolesFile()) && !present(s.usersFile())) {
            throw new JMSException("h2mq option 'securityRoles' ('" + s.rolesFile() + "') needs 'securityUsers'");
        }
        if (present(s.jaasLoginContext())) {
            return new JaasAuthenticator(s.jaasLoginContext().trim(), present(s.jaasRolePrincipalClass())
                    ? s.jaasRolePrincipalClass().trim() : DEFAULT_ROLE_PRINCIPAL);
        }
        if (present(s.usersFile())) {
            try {
                return new FileAuthenticator(UserFiles.load(s.usersFile().trim(),
                        present(s.rolesFile()) ? s.rolesFile().trim() : null));
            } catch (IOException e) {
                throw withCause(new JMSException("h2mq option 'securityUsers'/'securityRoles': " + e.getMessage()), e);
            }
        }
        return present(s.users()) ? new UserList(s.users()) : new AnyIdentity();
    }

    private static Permissions permissions(String value) throws JMSException {
        try {
            if (value.contains("=")) {
                return Permissions.parseInline(value);
            }
            String location = value.trim();
            return Permissions.parse("'" + location + "'", Resources.lines(location));
        } catch (IOException e) {
            throw withCause(new JMSException("h2mq option 'securityPermissions': cannot read '" + value.trim()
                    + "': " + e), e);
        } catch (IllegalArgumentException e) {
            throw withCause(new JMSException("h2mq option 'securityPermissions': " + e.getMessage()), e);
        }
    }

    /**
     * Who connects with these credentials; {@code user == null} means none were given.
     *
     * @throws JMSSecurityException naming the user (never the password) when the credentials are refused
     */
    public Identity authenticate(String user, String password) throws JMSSecurityException {
        if (user != null) {
            return authenticator.login(user, password);
        }
        if (defaultIdentity != null) {
            return defaultIdentity;
        }
        if (authenticator.requiresCredentials()) {
            throw new JMSSecurityException("a connection without user name is refused by this connection factory: "
                    + "it authenticates users (" + authenticator + ") and has no 'securityDefaultUser'",
                    "H2MQ_NOT_AUTHENTICATED");
        }
        return Identity.anonymous();
    }

    /** The access of a new connection with these credentials. */
    public Access login(String user, String password) throws JMSSecurityException {
        return new Access(authenticate(user, password), authorizer);
    }

    /** The permission checks, for management code ({@link Permission#MANAGE}). */
    public Authorizer authorizer() {
        return authorizer;
    }

    private static Set<String> roleList(String roles) {
        return roles == null ? Set.of() : Arrays.stream(roles.split(",")).map(String::trim)
                .filter(r -> !r.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static JMSException withCause(JMSException e, Exception cause) {
        e.initCause(cause);
        e.setLinkedException(cause);
        return e;
    }

    @Override
    public String toString() {
        return "Security[" + authenticator + ", " + authorizer + (defaultIdentity == null ? ""
                : ", default " + defaultIdentity.describe()) + "]";
    }
}
