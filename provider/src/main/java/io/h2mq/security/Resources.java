package io.h2mq.security;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * Reads a security file named by a location: a file path, or {@code classpath:name} for a resource of the thread's
 * context class loader (or of h2mq's, when that has none). Files are read as UTF-8.
 */
final class Resources {
    static final String CLASSPATH = "classpath:";

    private Resources() {
    }

    static List<String> lines(String location) throws IOException {
        try (BufferedReader reader = new BufferedReader(open(location))) {
            return reader.lines().toList();
        }
    }

    static Properties properties(String location) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = open(location)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Reader open(String location) throws IOException {
        if (location.startsWith(CLASSPATH)) {
            String name = location.substring(CLASSPATH.length());
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            InputStream in = loader == null ? null : loader.getResourceAsStream(name);
            if (in == null) {
                in = Resources.class.getClassLoader().getResourceAsStream(name);
            }
            if (in == null) {
                throw new FileNotFoundException("no class path resource '" + name + "'");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }
        return Files.newBufferedReader(Path.of(location), StandardCharsets.UTF_8);
    }
}
