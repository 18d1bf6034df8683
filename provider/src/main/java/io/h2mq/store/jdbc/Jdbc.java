package io.h2mq.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.h2mq.store.StoreException;

/**
 * The one place that owns JDBC connections, statements and transactions. Callers pass SQL, a parameter setter and a
 * row mapper; every {@link SQLException} becomes a {@link StoreException} naming the statement. Parameters are always
 * bound, never concatenated.
 *
 * <p>Thread-safe: each {@link #inTransaction} borrows its own pooled connection.
 */
final class Jdbc {
    @FunctionalInterface
    interface Params {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(new Tx(c));
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietlyInto(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("store operation '" + what + "' failed: " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietlyInto(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    /** Statements within one open transaction. */
    static final class Tx {
        private final Connection connection;

        Tx(Connection connection) {
            this.connection = connection;
        }

        <T> List<T> query(String sql, Params params, RowMapper<T> mapper) throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                params.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    List<T> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(mapper.map(rs));
                    }
                    return rows;
                }
            }
        }

        int update(String sql, Params params) throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                params.bind(ps);
                return ps.executeUpdate();
            }
        }

        /** Runs one statement once per item, as a JDBC batch; returns the update count of each. */
        <T> int[] batch(String sql, Iterable<T> items, BatchBinder<T> binder) throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                int n = 0;
                for (T item : items) {
                    binder.bind(ps, item);
                    ps.addBatch();
                    n++;
                }
                return n == 0 ? new int[0] : ps.executeBatch();
            }
        }

        /** A statement the caller closes; for batches that interleave two statements. */
        PreparedStatement prepare(String sql) throws SQLException {
            return connection.prepareStatement(sql);
        }

        void execute(String sql) throws SQLException {
            try (var st = connection.createStatement()) {
                st.execute(sql);
            }
        }
    }

    @FunctionalInterface
    interface BatchBinder<T> {
        void bind(PreparedStatement ps, T item) throws SQLException;
    }
}
