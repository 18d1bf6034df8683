package io.h2mq.security;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * Answers a JAAS login module with the user name and password given to {@code createConnection}. Other callbacks
 * are refused with {@link UnsupportedCallbackException}, as JAAS expects of a handler that cannot answer.
 */
final class CredentialsCallbackHandler implements CallbackHandler {
    private final String user;
    private final String password;

    CredentialsCallbackHandler(String user, String password) {
        this.user = user;
        this.password = password;
    }

    @Override
    public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(user);
            } else if (callback instanceof PasswordCallback secret) {
                secret.setPassword(password == null ? null : password.toCharArray());
            } else {
                throw new UnsupportedCallbackException(callback, "h2mq answers only NameCallback and "
                        + "PasswordCallback");
            }
        }
    }

    @Override
    public String toString() {
        return "CredentialsCallbackHandler[user '" + user + "']";
    }
}
