package io.h2mq.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.h2mq.store.StoreException;

/**
 * The SQL text of one dialect: the statements every dialect shares ({@code common/statements.properties}) and the
 * dialect's own ({@code <dialect>/statements.properties}). A value may name another with
 * {@code ${key}} (column lists). Loading fails at once on a missing file or reference, so a typo never waits for the
 * first message to surface.
 */
final class SqlStatements {
    private static final String COMMON = "common";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    private final String dialect;
    private final Map<String, String> statements;

    private SqlStatements(String dialect, Map<String, String> statements) {
        this.dialect = dialect;
        this.statements = statements;
    }

    static SqlStatements load(String dialect) {
        Properties raw = new Properties();
        read(COMMON + "/statements.properties", raw);
        read(dialect + "/statements.properties", raw);
        Map<String, String> resolved = new HashMap<>();
        for (String key : raw.stringPropertyNames()) {
            resolved.put(key, resolve(raw, key, raw.getProperty(key)));
        }
        return new SqlStatements(dialect, Map.copyOf(resolved));
    }

    /** Adds the statements of {@code resource} to {@code into}; a dialect's may replace common ones. */
    private static void read(String resource, Properties into) {
        try (InputStream in = SqlStatements.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new StoreException("no SQL statements " + resource);
            }
            into.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StoreException("cannot read SQL statements " + resource, e);
        }
    }

    private static String resolve(Properties raw, String key, String value) {
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String target = raw.getProperty(m.group(1));
            if (target == null) {
                throw new StoreException("SQL statement '" + key + "' refers to unknown '" + m.group(1) + "'");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(target));
        }
        m.appendTail(out);
        return out.toString();
    }

    String get(String name) {
        String sql = statements.get(name);
        if (sql == null) {
            throw new StoreException("dialect '" + dialect + "' has no SQL statement '" + name + "'");
        }
        return sql;
    }

    /** The statement named {@code name}, or null when this dialect has none by that name. */
    String find(String name) {
        return statements.get(name);
    }

    String dialect() {
        return dialect;
    }
}
