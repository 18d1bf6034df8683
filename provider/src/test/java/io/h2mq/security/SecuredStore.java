package io.h2mq.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.h2mq.H2mqConnectionFactory;
import io.h2mq.testing.TestStores;

/**
 * A store with users, roles and permission rules written to a test's temporary directory. Users: {@code alice}
 * (role {@code app}), {@code bob} (no role), {@code root} (role {@code admin}).
 */
final class SecuredStore {
    static final String USERS = """
            alice = alice-secret
            bob = bob-secret
            root = root-secret
            """;
    static final String ROLES = """
            app = alice
            admin = root
            """;
    static final String PERMISSIONS = """
            # queues
            send,consume:orders.#            = app, admin
            browse:#                         = admin
            # topics
            send:prices.#                    = admin
            consume:prices.#                 = app, admin
            createDurableSubscription:prices.# = admin
            deleteDurableSubscription:prices.# = admin
            # temporary destinations, by their generated names
            send,consume:h2mq.temp.#         = admin
            manage:#                         = admin
            """;

    private SecuredStore() {
    }

    /** Writes the files under {@code dir} and returns a factory that uses them. */
    static H2mqConnectionFactory factory(Path dir) throws IOException {
        H2mqConnectionFactory factory = new H2mqConnectionFactory(TestStores.url(dir));
        factory.getOptions().setSecurityUsers(write(dir, "users.properties", USERS).toString());
        factory.getOptions().setSecurityRoles(write(dir, "roles.properties", ROLES).toString());
        factory.getOptions().setSecurityPermissions(write(dir, "permissions.txt", PERMISSIONS).toString());
        return factory;
    }

    static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
