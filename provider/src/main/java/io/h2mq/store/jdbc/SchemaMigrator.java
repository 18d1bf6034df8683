package io.h2mq.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.h2mq.store.StoreException;

/**
 * Creates the schema and brings it up to {@link #CURRENT_VERSION}. Each version is a script
 * {@code <dialect>/V<n>.sql} applied in its own transaction together with the row that records it, so a crash
 * mid-migration leaves the previous version intact.
 */
final class SchemaMigrator {
    static final int CURRENT_VERSION = 6;

    private static final System.Logger LOG = System.getLogger(SchemaMigrator.class.getName());

    private final Jdbc jdbc;
    private final SqlStatements sql;

    SchemaMigrator(Jdbc jdbc, SqlStatements sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    void migrate() {
        int found = jdbc.inTransaction("read schema version", tx -> {
            tx.execute(sql.get("schema.version.create"));
            return tx.query(sql.get("schema.version.read"), ps -> { }, rs -> rs.getInt(1)).get(0);
        });
        if (found > CURRENT_VERSION) {
            throw new StoreException("the store's schema is version " + found + " but this h2mq knows versions up to "
                    + CURRENT_VERSION + ": use a newer h2mq for this store");
        }
        for (int version = found + 1; version <= CURRENT_VERSION; version++) {
            apply(version);
        }
    }

    private void apply(int version) {
        List<String> statements = script(version);
        int v = version;
        jdbc.inTransaction("migrate schema to version " + version, tx -> {
            for (String statement : statements) {
                tx.execute(statement);
            }
            tx.update(sql.get("schema.version.insert"), ps -> ps.setInt(1, v));
            return null;
        });
        LOG.log(Level.INFO, "h2mq store schema migrated to version {0} ({1})", version, sql.dialect());
    }

    private List<String> script(int version) {
        String resource = sql.dialect() + "/V" + version + ".sql";
        try (InputStream in = SchemaMigrator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new StoreException("missing schema migration " + resource);
            }
            return split(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StoreException("cannot read schema migration " + resource, e);
        }
    }

    /** Statements end at a line holding only ';', so a statement may contain semicolons in strings. */
    private static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.equals(";")) {
                if (!current.toString().isBlank()) {
                    statements.add(current.toString());
                }
                current.setLength(0);
            } else if (!trimmed.startsWith("--")) {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString());
        }
        return statements;
    }
}
