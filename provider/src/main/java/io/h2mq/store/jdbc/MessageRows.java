package io.h2mq.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import io.h2mq.store.LargeBody;
import io.h2mq.store.MessageStore;
import io.h2mq.store.NewMessage;

/**
 * Writes messages with their entries, and reads the bodies stored apart. A message is one row: its encoded head in
 * {@code body}, and a large body in the BLOB {@code large_body}, streamed in from memory or copied from another row
 * inside the database. Small messages are inserted as one JDBC batch; a message with a body apart is inserted on its
 * own, since its stream is consumed by the insert.
 */
final class MessageRows {
    private final SqlStatements sql;

    MessageRows(SqlStatements sql) {
        this.sql = sql;
    }

    /**
     * Inserts messages and their entries (entries of a prepared branch carry its row id), counting their depth, and
     * counting them enqueued unless they belong to a prepared branch (they are enqueued when it commits).
     */
    void insert(Jdbc.Tx tx, List<NewMessage> messages, String entrySql, Long branchRow, DepthChanges depths)
            throws SQLException {
        List<NewMessage> stored = messages.stream().filter(m -> !m.targets().isEmpty()).toList();
        if (stored.isEmpty()) {
            return;
        }
        List<Long> ids = tx.query(sql.get("message.ids"), ps -> ps.setInt(1, stored.size()), rs -> rs.getLong(1));
        try (PreparedStatement small = tx.prepare(sql.get("message.insert"));
             PreparedStatement entries = tx.prepare(entrySql)) {
            for (int i = 0; i < stored.size(); i++) {
                NewMessage message = stored.get(i);
                long id = ids.get(i);
                if (insertMessage(tx, small, id, message)) {
                    addEntries(entries, id, message, branchRow, depths);
                }
            }
            small.executeBatch();
            entries.executeBatch();
        }
    }

    /** @return false for a copy whose source message is gone (moved or purged by someone else meanwhile) */
    private boolean insertMessage(Jdbc.Tx tx, PreparedStatement small, long id, NewMessage message)
            throws SQLException {
        LargeBody large = message.largeBody();
        if (large == null) {
            small.setLong(1, id);
            small.setBytes(2, message.body());
            small.addBatch();
            return true;
        }
        if (large instanceof LargeBody.Streamed streamed) {
            try (PreparedStatement ps = tx.prepare(sql.get("message.insert.large"));
                 InputStream body = streamed.opener().get()) {
                ps.setLong(1, id);
                ps.setBytes(2, message.body());
                ps.setBinaryStream(3, body, streamed.length());
                ps.executeUpdate();
                return true;
            } catch (IOException e) {
                throw new SQLException("cannot stream the body of message " + id + ": " + e.getMessage(), e);
            }
        }
        LargeBody.CopiedFrom copied = (LargeBody.CopiedFrom) large;
        return tx.update(sql.get("message.insert.copy"), ps -> {
            ps.setLong(1, id);
            ps.setBytes(2, message.body());
            ps.setLong(3, copied.messageId());
        }) == 1;
    }

    private static void addEntries(PreparedStatement entries, long id, NewMessage message, Long branchRow,
                                   DepthChanges depths) throws SQLException {
        int size = Math.toIntExact(message.size());
        for (NewMessage.Target target : message.targets()) {
            entries.setLong(1, target.endpointId());
            entries.setLong(2, id);
            entries.setInt(3, target.priority());
            entries.setLong(4, target.visibleAt());
            entries.setLong(5, target.expiresAt());
            entries.setInt(6, size);
            if (branchRow != null) {
                entries.setLong(7, branchRow);
            } else {
                entries.setBoolean(7, message.persistent());
            }
            entries.addBatch();
            depths.expires(target.endpointId(), target.expiresAt());
            if (branchRow == null) {
                depths.enqueued(target.endpointId(), size, true);
            } else {
                depths.add(target.endpointId(), 1, size);
            }
        }
    }

    /** Streams a message's body apart to {@code reader}; false if there is no such message or body. */
    boolean readLargeBody(Jdbc.Tx tx, long messageId, MessageStore.BodyReader reader) throws SQLException {
        List<Boolean> found = tx.query(sql.get("message.large.body"), ps -> ps.setLong(1, messageId), rs -> {
            // A stream and the length from the query rather than a Blob: PostgreSQL keeps the body as bytea, which
            // its driver does not read as a Blob.
            try (InputStream body = rs.getBinaryStream(1)) {
                if (body == null) {
                    return false;
                }
                reader.read(body, rs.getLong(2));
                return true;
            } catch (IOException e) {
                throw new SQLException("cannot read the body of message " + messageId + ": " + e.getMessage(), e);
            }
        });
        return !found.isEmpty() && found.get(0);
    }
}
