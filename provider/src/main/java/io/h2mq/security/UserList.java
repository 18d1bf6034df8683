package io.h2mq.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.jms.JMSSecurityException;

/**
 * The {@code users} option: identities written inline as {@code name:password,name:password} (an entry without
 * {@code :} has an empty password). Authentication only: its users have no roles, and connections without
 * credentials stay accepted.
 */
final class UserList implements Authenticator {
    private final Map<String, byte[]> passwords = new HashMap<>();

    UserList(String users) {
        for (String entry : users.split(",")) {
            String[] pair = entry.trim().split(":", 2);
            passwords.put(pair[0], bytes(pair.length == 2 ? pair[1] : ""));
        }
    }

    @Override
    public Identity login(String user, String password) throws JMSSecurityException {
        byte[] expected = passwords.get(user);
        if (expected == null || !MessageDigest.isEqual(expected, bytes(password == null ? "" : password))) {
            throw Authenticator.refused(user, "wrong user name or password");
        }
        return new Identity(user, Set.of());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean requiresCredentials() {
        return false;
    }

    @Override
    public String toString() {
        return "users option (" + passwords.size() + " users)";
    }
}
