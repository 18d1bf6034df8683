package io.h2mq.security;

import jakarta.jms.JMSSecurityException;

/**
 * Checks the credentials an application gives to {@code createConnection(user, password)} and says who it is.
 * Connections without credentials are {@link Security}'s to decide, before any authenticator is asked.
 */
interface Authenticator {
    /**
     * The identity of {@code user}.
     *
     * @param user     never {@code null}
     * @param password may be {@code null}; never put in a message or a log
     * @throws JMSSecurityException naming the user (never the password) when the credentials are refused
     */
    Identity login(String user, String password) throws JMSSecurityException;

    /** Whether a connection without credentials needs a configured default user (else it is anonymous). */
    boolean requiresCredentials();

    static JMSSecurityException refused(String user, String why) {
        return new JMSSecurityException("user '" + user + "' is not accepted by this connection factory (" + why
                + ")", "H2MQ_NOT_AUTHENTICATED");
    }
}
