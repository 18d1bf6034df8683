package io.h2mq.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The users and roles files, as Artemis writes them: a users file of {@code user = password} lines and a roles file
 * of {@code role = user1, user2} lines (Java properties syntax, UTF-8). Passwords are compared in constant time and
 * never shown by {@link #toString()}.
 */
final class UserFiles {
    private final String usersLocation;
    private final Map<String, byte[]> passwords;
    private final Map<String, Set<String>> rolesByUser;

    private UserFiles(String usersLocation, Map<String, byte[]> passwords, Map<String, Set<String>> rolesByUser) {
        this.usersLocation = usersLocation;
        this.passwords = passwords;
        this.rolesByUser = rolesByUser;
    }

    /**
     * @param rolesLocation the roles file, or {@code null} when users have no roles
     * @throws IOException naming the file that could not be read
     */
    static UserFiles load(String usersLocation, String rolesLocation) throws IOException {
        Map<String, byte[]> passwords = new HashMap<>();
        Properties users = read("users", usersLocation);
        for (String user : users.stringPropertyNames()) {
            passwords.put(user, users.getProperty(user).trim().getBytes(StandardCharsets.UTF_8));
        }
        Map<String, Set<String>> rolesByUser = new HashMap<>();
        if (rolesLocation != null) {
            Properties roles = read("roles", rolesLocation);
            for (String role : roles.stringPropertyNames()) {
                for (String user : roles.getProperty(role).split(",")) {
                    if (!user.isBlank()) {
                        rolesByUser.computeIfAbsent(user.trim(), u -> new HashSet<>()).add(role);
                    }
                }
            }
        }
        return new UserFiles(usersLocation, passwords, rolesByUser);
    }

    private static Properties read(String what, String location) throws IOException {
        try {
            return Resources.properties(location);
        } catch (IOException e) {
            throw new IOException("cannot read the " + what + " file '" + location + "': " + e, e);
        }
    }

    /** The identity of {@code user} if {@code password} is its password. */
    Optional<Identity> authenticate(String user, String password) {
        byte[] expected = passwords.get(user);
        byte[] given = (password == null ? "" : password).getBytes(StandardCharsets.UTF_8);
        if (expected == null || !MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        return Optional.of(new Identity(user, rolesOf(user)));
    }

    Set<String> rolesOf(String user) {
        return rolesByUser.getOrDefault(user, Set.of());
    }

    @Override
    public String toString() {
        return "UserFiles[" + usersLocation + ", " + passwords.size() + " users]";
    }
}
