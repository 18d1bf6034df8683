package io.h2mq.ra.outbound;

import java.util.Objects;

import jakarta.resource.spi.ConnectionRequestInfo;

/**
 * The user name and password an application passed to {@code createConnection(user, password)}: a pooled connection
 * opened for one user is handed only to that user again. A record would print the password, hence a class.
 */
final class Credentials implements ConnectionRequestInfo {
    static final Credentials NONE = new Credentials(null, null);

    private final String user;
    private final String password;

    Credentials(String user, String password) {
        this.user = user;
        this.password = password;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    static Credentials of(ConnectionRequestInfo info) {
        return info instanceof Credentials c ? c : NONE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials other && Objects.equals(other.user, user)
                && Objects.equals(other.password, password);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(user);
    }

    @Override
    public String toString() {
        return "user " + (user == null ? "(none)" : "'" + user + "'");
    }
}
