package io.h2mq.security;

import java.io.IOException;
import java.security.Principal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

/**
 * A JAAS login module over the same users and roles files as the {@code securityUsers} and {@code securityRoles}
 * options, so that a JAAS configuration has a ready module:
 *
 * <pre>
 * h2mq {
 *     io.h2mq.security.PropertiesLoginModule required
 *         users="/etc/h2mq/users.properties"
 *         roles="/etc/h2mq/roles.properties";
 * };
 * </pre>
 *
 * <p>Options {@code users} (required) and {@code roles} (optional) are locations: a file path or
 * {@code classpath:name}. The files are read at each login, so changes apply to the next connection. On commit the
 * subject gains a {@link UserPrincipal} and one {@link RolePrincipal} per role.
 */
public final class PropertiesLoginModule implements LoginModule {
    private Subject subject;
    private CallbackHandler callbackHandler;
    private String usersLocation;
    private String rolesLocation;
    private Identity authenticated;
    private final Set<Principal> added = new HashSet<>();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
                           Map<String, ?> options) {
        this.subject = subject;
        this.callbackHandler = callbackHandler;
        this.usersLocation = (String) options.get("users");
        this.rolesLocation = (String) options.get("roles");
    }

    @Override
    public boolean login() throws LoginException {
        if (usersLocation == null) {
            throw new LoginException(getClass().getName() + " needs the option 'users' (the users file)");
        }
        NameCallback name = new NameCallback("user: ");
        PasswordCallback password = new PasswordCallback("password: ", false);
        try {
            callbackHandler.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            throw (LoginException) new LoginException("cannot obtain the user's credentials: " + e).initCause(e);
        }
        char[] secret = password.getPassword();
        password.clearPassword();
        try {
            authenticated = files().authenticate(name.getName(), secret == null ? null : new String(secret))
                    .orElseThrow(() -> new FailedLoginException("user '" + name.getName()
                            + "': wrong user name or password"));
        } finally {
            if (secret != null) {
                java.util.Arrays.fill(secret, '\0');
            }
        }
        return true;
    }

    private UserFiles files() throws LoginException {
        try {
            return UserFiles.load(usersLocation, rolesLocation);
        } catch (IOException e) {
            throw (LoginException) new LoginException(e.getMessage()).initCause(e);
        }
    }

    @Override
    public boolean commit() {
        if (authenticated == null) {
            return false;
        }
        added.add(new UserPrincipal(authenticated.name()));
        authenticated.roles().forEach(role -> added.add(new RolePrincipal(role)));
        subject.getPrincipals().addAll(added);
        return true;
    }

    @Override
    public boolean abort() {
        return logout();
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(added);
        added.clear();
        authenticated = null;
        return true;
    }
}
