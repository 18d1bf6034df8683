package io.h2mq.cli;

import java.util.Locale;

import io.h2mq.H2mqOptions;

import picocli.CommandLine.Option;

/**
 * The options every command takes to reach a store. The password is never shown: not echoed when typed, not given a
 * default that {@code --help} would print, and masked in every message the tool prints ({@link #mask}).
 */
final class StoreOptions {
    static final String PASSWORD_VARIABLE = "H2MQ_PASSWORD";

    @Option(names = "--url", paramLabel = "JDBC-URL", defaultValue = H2mqOptions.DEFAULT_URL,
            description = "JDBC URL of the store (default: ${DEFAULT-VALUE}, the provider's default).")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "Database user.")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            prompt = "Database password: ",
            description = "Database password; prompted for (not echoed) when given without a value "
                    + "(then give it last, or as --password= followed by nothing else). "
                    + "Without this option: the environment variable " + PASSWORD_VARIABLE + ".")
    char[] password;

    /**
     * The provider options for this store. With {@code mustExist}, an H2 database is opened only if it exists
     * ({@code IFEXISTS=TRUE}): a command that reads from a store must not create an empty one at a mistyped path.
     */
    H2mqOptions toOptions(boolean mustExist) throws StoreUnreachableException {
        H2mqOptions options = new H2mqOptions();
        try {
            options.setUrl(mustExist ? ifExists(url) : url);
        } catch (IllegalArgumentException e) {
            throw new StoreUnreachableException(url, e);
        }
        options.setUser(user);
        options.setPassword(password());
        return options;
    }

    private static String ifExists(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        boolean h2 = upper.startsWith("JDBC:H2:") && !upper.startsWith("JDBC:H2:MEM:");
        return h2 && !upper.contains(";IFEXISTS=") ? url + ";IFEXISTS=TRUE" : url;
    }

    String password() {
        if (password != null) {
            return new String(password);
        }
        String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isEmpty() ? null : fromEnvironment;
    }

    /**
     * {@code text} as the tool may print it: the password replaced, and the URL as the user gave it (without the
     * {@code IFEXISTS} this class may have added).
     */
    String mask(String text) {
        if (text == null) {
            return null;
        }
        String secret = password();
        String masked = secret == null || secret.isEmpty() ? text : text.replace(secret, "****");
        return url == null ? masked : masked.replace(ifExists(url), url);
    }
}
