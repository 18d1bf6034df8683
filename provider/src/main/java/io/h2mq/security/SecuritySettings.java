package io.h2mq.security;

/**
 * The security options of a connection factory, as given (see {@code docs/security.md}). Any may be {@code null}.
 *
 * @param users                  the {@code users} option: {@code name:password,...}, authentication without roles
 * @param usersFile              {@code securityUsers}: location of the users file
 * @param rolesFile              {@code securityRoles}: location of the roles file
 * @param permissions            {@code securityPermissions}: location of the permission rules, or the rules inline
 *                               (separated by {@code ;}) when the value holds a {@code =}
 * @param jaasLoginContext       {@code jaasLoginContext}: the JAAS configuration entry to log in with
 * @param jaasRolePrincipalClass {@code jaasRolePrincipalClass}: class of the subject's role principals
 * @param defaultUser            {@code securityDefaultUser}: who a connection without credentials is
 * @param defaultRoles           {@code securityDefaultRoles}: the roles of the default user, comma-separated
 */
public record SecuritySettings(String users, String usersFile, String rolesFile, String permissions,
                               String jaasLoginContext, String jaasRolePrincipalClass, String defaultUser,
                               String defaultRoles) {
    /** No authentication, no permissions: the embedded default. */
    public static SecuritySettings none() {
        return new SecuritySettings(null, null, null, null, null, null, null, null);
    }

    @Override
    public String toString() {
        return "SecuritySettings[users=" + (users == null ? null : users.replaceAll(":[^,]*", ":****"))
                + ", usersFile=" + usersFile + ", rolesFile=" + rolesFile + ", permissions=" + permissions
                + ", jaasLoginContext=" + jaasLoginContext + ", jaasRolePrincipalClass=" + jaasRolePrincipalClass
                + ", defaultUser=" + defaultUser + ", defaultRoles=" + defaultRoles + "]";
    }
}
