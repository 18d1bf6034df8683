package io.h2mq.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.H2mqOptions;

import jakarta.jms.JMSException;

/** Where the database password comes from when the options do not hold it. */
class DatabasePasswordTest {
    @TempDir
    Path dir;

    @Test
    void thePasswordOptionComesFirst() throws Exception {
        H2mqOptions options = new H2mqOptions();
        options.setPassword("given");
        options.setPasswordFile(Files.writeString(dir.resolve("pw"), "from-file\n").toString());
        assertEquals("given", DatabasePassword.of(options));
    }

    @Test
    void aPasswordFileGivesItsFirstLine() throws Exception {
        H2mqOptions options = new H2mqOptions();
        options.setPasswordFile(Files.writeString(dir.resolve("pw"), "from-file\nignored\n").toString());
        assertEquals("from-file", DatabasePassword.of(options));
    }

    @Test
    void anUnsetEnvironmentVariableOrAMissingFileIsAnErrorNamingIt() {
        H2mqOptions options = new H2mqOptions();
        options.setPasswordEnv("H2MQ_TEST_VARIABLE_THAT_IS_NOT_SET");
        JMSException env = assertThrows(JMSException.class, () -> DatabasePassword.of(options));
        assertEquals("h2mq option 'passwordEnv': the environment variable 'H2MQ_TEST_VARIABLE_THAT_IS_NOT_SET' is "
                + "not set", env.getMessage());
        H2mqOptions file = new H2mqOptions();
        file.setPasswordFile(dir.resolve("missing").toString());
        JMSException missing = assertThrows(JMSException.class, () -> DatabasePassword.of(file));
        assertEquals(dir.resolve("missing").toString(), missing.getMessage().split("'")[3]);
    }

    @Test
    void withNoneOfThemThereIsNoPassword() throws JMSException {
        assertNull(DatabasePassword.of(new H2mqOptions()));
    }

    @Test
    void anEnvironmentVariableGivesThePasswordWhenSet() throws JMSException {
        H2mqOptions options = new H2mqOptions();
        options.setPasswordEnv("PATH");
        assertEquals(System.getenv("PATH"), DatabasePassword.of(options));
    }
}
