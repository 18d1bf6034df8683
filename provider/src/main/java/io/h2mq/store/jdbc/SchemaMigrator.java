package io.h2mq.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.h2mq.store.StoreException;

/**
 * Creates the schema and brings it up to {@link #CURRENT_VERSION}. Each version is a script
 * {@code <dialect>/V<n>.sql} applied in its own transaction together with the row that records it, so a crash
 * mid-migration leaves the previous version intact (on PostgreSQL; H2 commits each DDL statement as it runs).
 */
final class SchemaMigrator {
    static final int CURRENT_VERSION = 9;

    /** How long a process keeps trying a migration step that fails, while no other process records it. */
    private static final Duration OTHER_MIGRATION_PATIENCE = Duration.ofSeconds(30);
    /** How long a process waits for another one's migration of the same store (on H2, see {@link SchemaLock}). */
    private static final Duration TURN_PATIENCE = Duration.ofMinutes(2);

    private static final System.Logger LOG = System.getLogger(SchemaMigrator.class.getName());

    private final Jdbc jdbc;
    private final SqlStatements sql;
    private final FeedConnections ownConnections;

    /** @param ownConnections where the migration's turn is held, outside the pool */
    SchemaMigrator(Jdbc jdbc, SqlStatements sql, FeedConnections ownConnections) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.ownConnections = ownConnections;
    }

    /**
     * Brings the schema up to date one version per transaction. Several processes may open a fresh store at once:
     * on PostgreSQL each step holds an advisory lock ({@code schema.lock}), so they take turns; on H2 they take turns
     * for the whole migration ({@link SchemaLock}). Either way a step that fails because another process applied the
     * same version meanwhile is not an error. A store that is up to date is opened without taking a turn.
     */
    void migrate() {
        if (currentVersion() == CURRENT_VERSION) {
            return;
        }
        try (SchemaLock turn = SchemaLock.take(sql, ownConnections, TURN_PATIENCE)) {
            migrateInTurn();
        }
    }

    private void migrateInTurn() {
        int failedVersion = 0;
        long giveUpAt = 0;
        while (true) {
            int before = currentVersion();
            if (before > CURRENT_VERSION) {
                throw new StoreException("the store's schema is version " + before + " but this h2mq knows versions "
                        + "up to " + CURRENT_VERSION + ": use a newer h2mq for this store");
            }
            if (before == CURRENT_VERSION) {
                return;
            }
            try {
                int applied = jdbc.inTransaction("migrate schema to version " + (before + 1), this::applyNext);
                if (applied > 0) {
                    LOG.log(Level.INFO, "h2mq store schema migrated to version {0} ({1})", applied, sql.dialect());
                }
            } catch (RuntimeException e) {
                if (failedVersion != before + 1) {
                    failedVersion = before + 1;
                    giveUpAt = System.nanoTime() + OTHER_MIGRATION_PATIENCE.toNanos();
                } else if (System.nanoTime() - giveUpAt > 0) {
                    throw e;
                }
                awaitAppliedElsewhere(before, e);
            }
        }
    }

    /**
     * After a failed step: waits a short random while for another process to record the version this one tried,
     * then lets the caller look again, and try the step again if it is still missing. H2 commits each DDL statement as
     * it runs, so a process that lost the race sees the other's tables before the other's version row; and when
     * every opener's step timed out on H2's lock of its system tables, none would record the version if all of them
     * only waited, so each tries again after its own random pause.
     */
    private void awaitAppliedElsewhere(int before, RuntimeException failure) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(100, 1_000));
        while (System.nanoTime() - until < 0) {
            if (currentVersion() > before) {
                LOG.log(Level.DEBUG, "schema version {0} was applied by another process meanwhile", before + 1);
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.addSuppressed(e);
                throw failure;
            }
        }
    }

    private int currentVersion() {
        for (int attempt = 1; ; attempt++) {
            try {
                // Reading first: creating the table, even "if not exists", is DDL, which on H2 takes the lock of the
                // system tables that a migration step in another process needs too.
                return jdbc.inTransaction("read schema version", this::readVersion);
            } catch (RuntimeException noTableYet) {
                LOG.log(Level.TRACE, "no schema version table yet", noTableYet);
            }
            try {
                return jdbc.inTransaction("read schema version", tx -> {
                    tx.execute(sql.get("schema.version.create"));
                    return readVersion(tx);
                });
            } catch (RuntimeException e) {
                // Two processes creating the version table at the same moment: one of them loses; the table exists
                // the next time round.
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** In one transaction: the next version's script and its row, if the schema is still behind; else 0. */
    private int applyNext(Jdbc.Tx tx) throws SQLException {
        String lock = sql.find("schema.lock");
        if (lock != null) {
            tx.execute(lock);
        }
        int found = readVersion(tx);
        if (found >= CURRENT_VERSION) {
            return 0;
        }
        int version = found + 1;
        for (String statement : script(version)) {
            tx.execute(statement);
        }
        tx.update(sql.get("schema.version.insert"), ps -> ps.setInt(1, version));
        return version;
    }

    private int readVersion(Jdbc.Tx tx) throws SQLException {
        return tx.query(sql.get("schema.version.read"), ps -> { }, rs -> rs.getInt(1)).get(0);
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
