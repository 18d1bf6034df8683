package io.h2mq.management;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.h2mq.H2mqOptions;
import io.h2mq.engine.JmsErrors;

import jakarta.jms.JMSException;

/**
 * The database password of a factory: the {@code password} option, else the environment variable named by
 * {@code passwordEnv}, else the first line of the file named by {@code passwordFile}, else none. The last two keep the
 * password out of JNDI references and configuration files that are shared.
 */
final class DatabasePassword {
    private DatabasePassword() {
    }

    static String of(H2mqOptions options) throws JMSException {
        if (options.getPassword() != null) {
            return options.getPassword();
        }
        if (options.getPasswordEnv() != null) {
            String value = System.getenv(options.getPasswordEnv());
            if (value == null) {
                throw new JMSException("h2mq option 'passwordEnv': the environment variable '"
                        + options.getPasswordEnv() + "' is not set");
            }
            return value;
        }
        return options.getPasswordFile() == null ? null : fromFile(options.getPasswordFile());
    }

    private static String fromFile(String file) throws JMSException {
        try {
            List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            return lines.isEmpty() ? "" : lines.get(0).strip();
        } catch (IOException e) {
            throw JmsErrors.withCause(new JMSException("h2mq option 'passwordFile': cannot read '" + file + "': "
                    + e), e);
        }
    }
}
