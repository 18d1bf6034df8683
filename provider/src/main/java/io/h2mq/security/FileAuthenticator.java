package io.h2mq.security;

import jakarta.jms.JMSSecurityException;

/** Authentication against the users and roles files of the {@code securityUsers} and {@code securityRoles} options. */
final class FileAuthenticator implements Authenticator {
    private final UserFiles files;

    FileAuthenticator(UserFiles files) {
        this.files = files;
    }

    @Override
    public Identity login(String user, String password) throws JMSSecurityException {
        return files.authenticate(user, password)
                .orElseThrow(() -> Authenticator.refused(user, "wrong user name or password"));
    }

    @Override
    public boolean requiresCredentials() {
        return true;
    }

    @Override
    public String toString() {
        return files.toString();
    }
}
