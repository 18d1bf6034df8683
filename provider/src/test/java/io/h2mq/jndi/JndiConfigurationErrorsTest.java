package io.h2mq.jndi;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Hashtable;

import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.InitialContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.testing.TestStores;

/** Mistakes in JNDI properties are refused with a message, not bound as something else. */
class JndiConfigurationErrorsTest {
    @TempDir
    Path dir;

    @Test
    void misspelledFactoryOptionIsRefusedRatherThanBoundAsAnotherFactory() {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, H2mqInitialContextFactory.class.getName());
        env.put("connectionFactory.CF", TestStores.url(dir));
        env.put("connectionFactory.CF.clientId", "typo"); // option is 'clientID'
        assertThrows(ConfigurationException.class, () -> new InitialContext(env).lookup("CF"));
    }
}
