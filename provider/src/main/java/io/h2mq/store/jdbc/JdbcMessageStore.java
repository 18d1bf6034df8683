package io.h2mq.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.h2mq.store.BranchId;
import io.h2mq.store.Cursor;
import io.h2mq.store.Depth;
import io.h2mq.store.EndpointKind;
import io.h2mq.store.EndpointRecord;
import io.h2mq.store.EndpointStatistics;
import io.h2mq.store.EndpointSpec;
import io.h2mq.store.EntryRef;
import io.h2mq.store.MessageStore;
import io.h2mq.store.NewMessage;
import io.h2mq.store.Reclaimed;
import io.h2mq.store.StoredEntry;
import io.h2mq.store.Upcoming;
import io.h2mq.store.WriteBatch;

/**
 * {@link MessageStore} over JDBC. Each method is one transaction through {@link Jdbc}; the SQL comes from the
 * dialect's {@link SqlStatements}. A claim of the head of an endpoint locks the best ready entries with
 * {@code FOR UPDATE SKIP LOCKED}, so consumers in several processes take disjoint entries without waiting for each
 * other; a claim of one chosen entry is conditional ({@code UPDATE ... WHERE state = ready}), so competing consumers
 * in any number of processes never get the same entry. Every claim carries a lease that its node renews.
 */
final class JdbcMessageStore implements MessageStore {
    private static final Cursor HEAD = new Cursor(Integer.MAX_VALUE, Long.MIN_VALUE);

    private final Jdbc jdbc;
    private final SqlStatements sql;
    private final MessageRows messages;
    private final ExpirySchedule expirySchedule;
    private final boolean commitReachesDisk;
    private final Runnable onClose;

    /**
     * @param commitReachesDisk the database's commit returns only once it is on the storage device (PostgreSQL),
     *                          so {@link #forceToDisk} has nothing to do
     */
    JdbcMessageStore(Jdbc jdbc, SqlStatements sql, boolean commitReachesDisk, Runnable onClose) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.messages = new MessageRows(sql);
        this.expirySchedule = new ExpirySchedule(jdbc, sql);
        this.commitReachesDisk = commitReachesDisk;
        this.onClose = onClose;
    }

    @Override
    public void heartbeat(String nodeId, long aliveUntil) {
        jdbc.inTransaction("heartbeat", tx -> {
            tx.update(sql.get("node.heartbeat"), ps -> {
                ps.setString(1, nodeId);
                ps.setLong(2, aliveUntil);
            });
            List<Long> held = tx.query(sql.get("entry.lease.held"), ps -> ps.setString(1, nodeId),
                    rs -> rs.getLong(1));
            return held.isEmpty() ? 0 : tx.update(sql.get("entry.lease.extend"), ps -> {
                ps.setLong(1, aliveUntil);
                ps.setArray(2, ps.getConnection().createArrayOf("BIGINT", held.toArray()));
            });
        });
    }

    @Override
    public boolean takeLease(String name, String nodeId, long now, long until) {
        return jdbc.inTransaction("take lease " + name, tx -> tx.update(sql.get("lease.take"), ps -> {
            ps.setString(1, nodeId);
            ps.setLong(2, until);
            ps.setString(3, name);
            ps.setString(4, nodeId);
            ps.setLong(5, now);
        })) == 1;
    }

    @Override
    public Reclaimed reclaimLapsedLeases(long now) {
        return jdbc.inTransaction("reclaim lapsed leases", tx -> {
            List<EntryRef> persistent = new ArrayList<>();
            List<EntryRef> volatileOnes = new ArrayList<>();
            for (LapsedClaim claim : tx.query(sql.get("entry.lease.lapsed"), ps -> ps.setLong(1, now),
                    rs -> new LapsedClaim(entryRef(rs), rs.getBoolean(5)))) {
                (claim.persistent() ? persistent : volatileOnes).add(claim.entry());
            }
            if (persistent.isEmpty() && volatileOnes.isEmpty()) {
                return Reclaimed.NONE;
            }
            DepthChanges depths = new DepthChanges();
            acknowledge(tx, volatileOnes, depths, Removal.DROPPED);
            depths.apply(tx, sql.get("endpoint.depth.add"));
            if (!persistent.isEmpty()) {
                Object[] ids = persistent.stream().map(EntryRef::entryId).toArray();
                tx.update(sql.get("entry.lease.redeliver"),
                        ps -> ps.setArray(1, ps.getConnection().createArrayOf("BIGINT", ids)));
            }
            Set<Long> endpoints = new HashSet<>();
            persistent.forEach(e -> endpoints.add(e.endpointId()));
            return new Reclaimed(persistent.size(), endpoints);
        });
    }

    /** A claim whose lease lapsed, and whether its message is PERSISTENT (redelivered) or not (dropped). */
    private record LapsedClaim(EntryRef entry, boolean persistent) {
    }

    @Override
    public long databaseMillis() {
        return jdbc.inTransaction("read the database clock",
                tx -> tx.query(sql.get("db.now"), ps -> { }, rs -> rs.getLong(1)).get(0));
    }

    @Override
    public Reclaimed reclaimFromDeadNodes(String selfNodeId, long now, boolean everyOtherNode) {
        return jdbc.inTransaction("reclaim from dead nodes", tx -> {
            List<String> dead = new ArrayList<>(everyOtherNode
                    ? tx.query(sql.get("node.others"), ps -> ps.setString(1, selfNodeId), rs -> rs.getString(1))
                    : tx.query(sql.get("node.dead"), ps -> {
                        ps.setString(1, selfNodeId);
                        ps.setLong(2, now);
                    }, rs -> rs.getString(1)));
            dead.addAll(tx.query(sql.get("entry.orphan.owners"), ps -> ps.setString(1, selfNodeId),
                    rs -> rs.getString(1)));
            int reclaimed = 0;
            Set<Long> endpoints = new HashSet<>();
            for (String node : dead) {
                endpoints.addAll(tx.query(sql.get("entry.owned.endpoints"), ps -> ps.setString(1, node),
                        rs -> rs.getLong(1)));
                DepthChanges depths = new DepthChanges();
                acknowledge(tx, tx.query(sql.get("entry.volatile.owned"), ps -> ps.setString(1, node),
                        JdbcMessageStore::entryRef), depths, Removal.DROPPED);
                depths.apply(tx, sql.get("endpoint.depth.add"));
                reclaimed += tx.update(sql.get("entry.redeliver.owned"), ps -> ps.setString(1, node));
                forget(tx, node);
            }
            return new Reclaimed(reclaimed, endpoints);
        });
    }

    @Override
    public void leave(String nodeId) {
        jdbc.inTransaction("leave", tx -> {
            tx.update(sql.get("entry.give.back.owned"), ps -> ps.setString(1, nodeId));
            forget(tx, nodeId);
            return null;
        });
    }

    /**
     * Removes what a node that left or died held: its non-durable endpoints (temporary queues, subscriptions), the
     * shared non-durable subscriptions only it still consumed from, its client IDs, consumers and temporary topics,
     * the leases it held (free for the next node at once), and its row.
     */
    private void forget(Jdbc.Tx tx, String node) throws SQLException {
        List<Long> ending = new ArrayList<>(tx.query(sql.get("endpoint.owned"), ps -> ps.setString(1, node),
                rs -> rs.getLong(1)));
        ending.addAll(tx.query(sql.get("node.shared.abandoned"), ps -> {
            ps.setString(1, node);
            ps.setString(2, node);
        }, rs -> rs.getLong(1)));
        for (long endpointId : ending) {
            deleteEndpoint(tx, endpointId);
        }
        for (String statement : List.of("node.forget.client.ids", "node.forget.consumers",
                "node.forget.temporary.topics", "node.forget.leases", "node.delete")) {
            tx.update(sql.get(statement), ps -> ps.setString(1, node));
        }
    }

    @Override
    public boolean claimClientId(String clientId, String nodeId, long now) {
        try {
            jdbc.inTransaction("claim client ID " + clientId, tx -> tx.update(sql.get("client.id.insert"), ps -> {
                ps.setString(1, clientId);
                ps.setString(2, nodeId);
            }));
            return true;
        } catch (RuntimeException held) {
            // Held already: by a node that died, it is ours now.
            return jdbc.inTransaction("take over client ID " + clientId,
                    tx -> tx.update(sql.get("client.id.take.over"), ps -> {
                        ps.setString(1, nodeId);
                        ps.setString(2, clientId);
                        ps.setLong(3, now);
                    })) == 1;
        }
    }

    @Override
    public void releaseClientId(String clientId, String nodeId) {
        jdbc.inTransaction("release client ID " + clientId, tx -> tx.update(sql.get("client.id.delete"), ps -> {
            ps.setString(1, clientId);
            ps.setString(2, nodeId);
        }));
    }

    @Override
    public void consumerOpened(long endpointId, String nodeId) {
        Jdbc.Params key = ps -> {
            ps.setLong(1, endpointId);
            ps.setString(2, nodeId);
        };
        try {
            jdbc.inTransaction("register a consumer of endpoint " + endpointId, tx ->
                    tx.update(sql.get("consumer.add"), key) == 0 ? tx.update(sql.get("consumer.insert"), key) : 1);
        } catch (RuntimeException raced) {
            // Another consumer of this node on the same endpoint inserted the row between our update and insert.
            if (jdbc.inTransaction("register a consumer of endpoint " + endpointId,
                    tx -> tx.update(sql.get("consumer.add"), key)) == 0) {
                throw raced;
            }
        }
    }

    @Override
    public void consumerClosed(long endpointId, String nodeId) {
        jdbc.inTransaction("unregister a consumer of endpoint " + endpointId, tx -> {
            Jdbc.Params key = ps -> {
                ps.setLong(1, endpointId);
                ps.setString(2, nodeId);
            };
            tx.update(sql.get("consumer.remove"), key);
            return tx.update(sql.get("consumer.delete.none"), key);
        });
    }

    @Override
    public int activeConsumers(long endpointId, long now) {
        return jdbc.inTransaction("count the consumers of endpoint " + endpointId,
                tx -> tx.query(sql.get("consumer.count"), ps -> {
                    ps.setLong(1, endpointId);
                    ps.setLong(2, now);
                }, rs -> rs.getInt(1)).get(0));
    }

    @Override
    public void createTemporaryTopic(String name, String nodeId) {
        jdbc.inTransaction("create temporary topic " + name, tx -> tx.update(sql.get("temporary.topic.insert"), ps -> {
            ps.setString(1, name);
            ps.setString(2, nodeId);
        }));
    }

    @Override
    public boolean temporaryTopicExists(String name) {
        return jdbc.inTransaction("find temporary topic " + name, tx -> !tx.query(sql.get("temporary.topic.find"),
                ps -> ps.setString(1, name), rs -> rs.getString(1)).isEmpty());
    }

    @Override
    public void deleteTemporaryTopic(String name) {
        jdbc.inTransaction("delete temporary topic " + name, tx -> tx.update(sql.get("temporary.topic.delete"),
                ps -> ps.setString(1, name)));
    }

    @Override
    public Optional<EndpointRecord> findEndpoint(String key) {
        return jdbc.inTransaction("find endpoint", tx -> find(tx, key));
    }

    private Optional<EndpointRecord> find(Jdbc.Tx tx, String key) throws SQLException {
        return tx.query(sql.get("endpoint.find"), ps -> ps.setString(1, key), JdbcMessageStore::endpoint)
                .stream().findFirst();
    }

    @Override
    public EndpointRecord createEndpoint(EndpointSpec spec) {
        Optional<EndpointRecord> existing = findEndpoint(spec.key());
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return jdbc.inTransaction("create endpoint " + spec.key(), tx -> {
                tx.update(sql.get("endpoint.insert"), ps -> bindSpec(ps, spec));
                return find(tx, spec.key()).orElseThrow();
            });
        } catch (RuntimeException raced) {
            // Another node created the same key between our look-up and insert: theirs is the one.
            return findEndpoint(spec.key()).orElseThrow(() -> raced);
        }
    }

    private static void bindSpec(PreparedStatement ps, EndpointSpec spec) throws SQLException {
        ps.setString(1, spec.key());
        ps.setString(2, spec.kind().name());
        ps.setString(3, spec.destination());
        ps.setString(4, spec.subscriptionName());
        ps.setString(5, spec.clientId());
        ps.setString(6, spec.selector());
        ps.setBoolean(7, spec.noLocal());
        ps.setBoolean(8, spec.shared());
        ps.setBoolean(9, spec.temporary());
        ps.setString(10, spec.ownerNode());
        ps.setString(11, spec.connectionId());
    }

    private static EndpointRecord endpoint(ResultSet rs) throws SQLException {
        EndpointSpec spec = new EndpointSpec(rs.getString("ukey"), EndpointKind.valueOf(rs.getString("kind")),
                rs.getString("destination"), rs.getString("sub_name"), rs.getString("client_id"),
                rs.getString("selector"), rs.getBoolean("no_local"), rs.getBoolean("shared"),
                rs.getBoolean("temporary"), rs.getString("owner_node"), rs.getString("connection_id"));
        return new EndpointRecord(rs.getLong("id"), spec);
    }

    @Override
    public void deleteEndpoint(long endpointId) {
        jdbc.inTransaction("delete endpoint", tx -> {
            deleteEndpoint(tx, endpointId);
            return null;
        });
    }

    private void deleteEndpoint(Jdbc.Tx tx, long endpointId) throws SQLException {
        tx.update(sql.get("endpoint.delete.messages"), ps -> {
            ps.setLong(1, endpointId);
            ps.setLong(2, endpointId);
        });
        tx.update(sql.get("endpoint.delete.entries"), ps -> ps.setLong(1, endpointId));
        tx.update(sql.get("consumer.delete.endpoint"), ps -> ps.setLong(1, endpointId));
        tx.update(sql.get("endpoint.delete"), ps -> ps.setLong(1, endpointId));
    }

    @Override
    public void setEndpointConnection(long endpointId, String connectionId) {
        jdbc.inTransaction("set endpoint connection", tx -> tx.update(sql.get("endpoint.set.connection"), ps -> {
            if (connectionId == null) {
                ps.setNull(1, Types.VARCHAR);
            } else {
                ps.setString(1, connectionId);
            }
            ps.setLong(2, endpointId);
        }));
    }

    @Override
    public List<EndpointRecord> subscriptionsOf(String topic) {
        return jdbc.inTransaction("list subscriptions",
                tx -> tx.query(sql.get("endpoint.subscriptions"), ps -> ps.setString(1, topic),
                        JdbcMessageStore::endpoint));
    }

    @Override
    public void forceToDisk() {
        if (commitReachesDisk) {
            return;
        }
        jdbc.inTransaction("force to disk", tx -> {
            tx.execute(sql.get("store.force"));
            return null;
        });
    }

    @Override
    public void write(WriteBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.inTransaction("write", tx -> {
            DepthChanges depths = new DepthChanges();
            for (WriteBatch.HeadClaim head : batch.headClaims()) {
                head.claimed(claimHead(tx, head));
            }
            int[] claimed = tx.batch(sql.get("entry.claim"), batch.claims(), (ps, c) -> {
                ps.setString(1, c.nodeId());
                ps.setLong(2, c.leaseUntil());
                ps.setLong(3, c.entryId());
            });
            for (int i = 0; i < claimed.length; i++) {
                if (claimed[i] > 0) {
                    batch.markClaimed(batch.claims().get(i).entryId());
                }
            }
            messages.insert(tx, batch.messages(), sql.get("entry.insert"), null, depths);
            acknowledge(tx, batch.acknowledged(), depths, Removal.ACKNOWLEDGED);
            acknowledge(tx, batch.expired(), depths, Removal.EXPIRED);
            acknowledge(tx, batch.deadLettered(), depths, Removal.DEAD_LETTERED);
            acknowledge(tx, batch.purged(), depths, Removal.DROPPED);
            acknowledge(tx, batch.takes().stream().filter(t -> batch.wasClaimed(t.entryId())).toList(), depths,
                    Removal.ACKNOWLEDGED);
            for (long[] drop : batch.headDrops()) {
                acknowledge(tx, tx.query(sql.get("entry.head"), ps -> {
                    ps.setLong(1, drop[0]);
                    ps.setInt(2, (int) drop[1]);
                }, JdbcMessageStore::entryRef), depths, Removal.DROPPED);
            }
            depths.apply(tx, sql.get("endpoint.depth.add"));
            tx.batch(sql.get("entry.redeliver"), batch.redelivered(), (ps, r) -> {
                ps.setLong(1, r.visibleAt());
                ps.setLong(2, r.entryId());
            });
            tx.batch(sql.get("entry.give.back"), batch.returned(), (ps, id) -> ps.setLong(1, id));
            return null;
        });
    }

    /** Locks the best ready entries no other transaction is claiming, claims them, and reads them. */
    private List<StoredEntry> claimHead(Jdbc.Tx tx, WriteBatch.HeadClaim head) throws SQLException {
        List<Long> ids = tx.query(sql.get("entry.lock.head"), ps -> {
            ps.setLong(1, head.endpointId());
            ps.setLong(2, head.now());
            ps.setLong(3, head.now());
            ps.setInt(4, head.limit());
        }, rs -> rs.getLong(1));
        if (ids.isEmpty()) {
            return List.of();
        }
        tx.batch(sql.get("entry.claim.locked"), ids, (ps, id) -> {
            ps.setString(1, head.nodeId());
            ps.setLong(2, head.leaseUntil());
            ps.setLong(3, id);
        });
        return tx.query(sql.get("entry.claimed"),
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("BIGINT", ids.toArray())),
                JdbcMessageStore::storedEntry);
    }

    private static EntryRef entryRef(ResultSet rs) throws SQLException {
        return new EntryRef(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4));
    }

    /**
     * Deletes entries (and messages left without one), counting each deleted entry out of its endpoint's depth and
     * into the counter of its reason.
     */
    private void acknowledge(Jdbc.Tx tx, List<EntryRef> entries, DepthChanges depths, Removal reason)
            throws SQLException {
        int[] deleted = tx.batch(sql.get("entry.delete"), entries, (ps, e) -> ps.setLong(1, e.entryId()));
        for (int i = 0; i < deleted.length; i++) {
            if (deleted[i] > 0) {
                depths.removed(entries.get(i).endpointId(), entries.get(i).size(), reason);
            }
        }
        // In message order, so that transactions of several nodes acknowledging copies of the same topic messages
        // lock the message rows in the same order (otherwise they can deadlock).
        List<EntryRef> byMessage = new ArrayList<>(entries);
        byMessage.sort(java.util.Comparator.comparingLong(EntryRef::messageId));
        tx.batch(sql.get("message.delete.unreferenced"), byMessage, (ps, e) -> {
            ps.setLong(1, e.messageId());
            ps.setLong(2, e.messageId());
        });
    }

    @Override
    public List<StoredEntry> peek(long endpointId, long now, Cursor after, int limit) {
        return entries("entry.peek", endpointId, now, after, limit);
    }

    @Override
    public List<StoredEntry> browse(long endpointId, long now, Cursor after, int limit) {
        return entries("entry.browse", endpointId, now, after, limit);
    }

    @Override
    public List<StoredEntry> ready(long endpointId, Cursor after, int limit) {
        Cursor from = after == null ? HEAD : after;
        return jdbc.inTransaction("entry.ready", tx -> tx.query(sql.get("entry.ready"), ps -> {
            ps.setLong(1, endpointId);
            ps.setInt(2, from.priority());
            ps.setInt(3, from.priority());
            ps.setLong(4, from.entryId());
            ps.setInt(5, limit);
        }, JdbcMessageStore::storedEntry));
    }

    private List<StoredEntry> entries(String statement, long endpointId, long now, Cursor after, int limit) {
        Cursor from = after == null ? HEAD : after;
        return jdbc.inTransaction(statement, tx -> tx.query(sql.get(statement), ps -> {
            ps.setLong(1, endpointId);
            ps.setLong(2, now);
            ps.setLong(3, now);
            ps.setInt(4, from.priority());
            ps.setInt(5, from.priority());
            ps.setLong(6, from.entryId());
            ps.setInt(7, limit);
        }, JdbcMessageStore::storedEntry));
    }

    private static StoredEntry storedEntry(ResultSet rs) throws SQLException {
        return new StoredEntry(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getLong(5),
                rs.getBytes(6), rs.getInt(7));
    }

    @Override
    public boolean readLargeBody(long messageId, BodyReader reader) {
        return jdbc.inTransaction("read the body of message " + messageId,
                tx -> messages.readLargeBody(tx, messageId, reader));
    }

    @Override
    public List<StoredEntry> expired(long endpointId, long now, int limit) {
        return jdbc.inTransaction("read expired", tx -> tx.query(sql.get("entry.expired.messages"), ps -> {
            ps.setLong(1, endpointId);
            ps.setLong(2, now);
            ps.setInt(3, limit);
        }, JdbcMessageStore::storedEntry));
    }

    @Override
    public int purgeExpired(long endpointId, long now) {
        return jdbc.inTransaction("purge expired", tx -> {
            List<EntryRef> expired = tx.query(sql.get("entry.expired"), ps -> {
                ps.setLong(1, endpointId);
                ps.setLong(2, now);
            }, JdbcMessageStore::entryRef);
            DepthChanges depths = new DepthChanges();
            acknowledge(tx, expired, depths, Removal.EXPIRED);
            depths.apply(tx, sql.get("endpoint.depth.add"));
            return expired.size();
        });
    }

    @Override
    public List<Long> expiryDue(long now) {
        return expirySchedule.due(now);
    }

    @Override
    public void rearmExpiry(long endpointId, long recheckAt) {
        expirySchedule.rearm(endpointId, recheckAt);
    }

    @Override
    public Upcoming upcoming(long endpointId, long now) {
        return jdbc.inTransaction("upcoming", tx -> tx.query(sql.get("entry.upcoming"), ps -> {
            ps.setLong(1, now);
            ps.setLong(2, endpointId);
        }, rs -> new Upcoming(rs.getLong(1), rs.getLong(2))).get(0));
    }

    @Override
    public void prepare(BranchId branch, String nodeId, List<NewMessage> sends, Collection<Long> consumedEntryIds) {
        jdbc.inTransaction("prepare " + branch, tx -> {
            tx.update(sql.get("xa.branch.insert"), ps -> {
                bindBranch(ps, branch);
                ps.setString(4, nodeId);
            });
            long branchId = branchRow(tx, branch).orElseThrow();
            DepthChanges depths = new DepthChanges();
            messages.insert(tx, sends, sql.get("xa.entry.insert"), branchId, depths);
            depths.apply(tx, sql.get("endpoint.depth.add"));
            int[] held = tx.batch(sql.get("xa.entry.hold"), consumedEntryIds, (ps, id) -> {
                ps.setLong(1, branchId);
                ps.setLong(2, id);
            });
            for (int count : held) {
                if (count != 1) {
                    throw new SQLException("an entry consumed in " + branch + " is no longer claimed by node "
                            + nodeId + " (its lease ended): the branch cannot be prepared");
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Set<Long>> commitPrepared(BranchId branch) {
        return jdbc.inTransaction("commit " + branch, tx -> {
            Optional<Long> row = branchRow(tx, branch);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            long id = row.get();
            Set<Long> endpoints = branchEndpoints(tx, id);
            DepthChanges depths = new DepthChanges();
            // Counted in depth when prepared, enqueued now that consumers can see them.
            for (EntryRef sent : tx.query(sql.get("xa.entry.sent"), ps -> ps.setLong(1, id),
                    JdbcMessageStore::entryRef)) {
                depths.enqueued(sent.endpointId(), sent.size(), false);
            }
            tx.update(sql.get("xa.entry.publish"), ps -> ps.setLong(1, id));
            acknowledge(tx, tx.query(sql.get("xa.entry.held"), ps -> ps.setLong(1, id), JdbcMessageStore::entryRef),
                    depths, Removal.ACKNOWLEDGED);
            depths.apply(tx, sql.get("endpoint.depth.add"));
            tx.update(sql.get("xa.branch.delete"), ps -> ps.setLong(1, id));
            return Optional.of(endpoints);
        });
    }

    @Override
    public Optional<Set<Long>> rollbackPrepared(BranchId branch) {
        return jdbc.inTransaction("roll back " + branch, tx -> {
            Optional<Long> row = branchRow(tx, branch);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            long id = row.get();
            Set<Long> endpoints = branchEndpoints(tx, id);
            DepthChanges depths = new DepthChanges();
            for (EntryRef discarded : tx.query(sql.get("xa.entry.discarded"), ps -> ps.setLong(1, id),
                    JdbcMessageStore::entryRef)) {
                depths.add(discarded.endpointId(), -1, -discarded.size());
            }
            depths.apply(tx, sql.get("endpoint.depth.add"));
            tx.update(sql.get("xa.message.discard"), ps -> ps.setLong(1, id));
            tx.update(sql.get("xa.entry.discard"), ps -> ps.setLong(1, id));
            tx.update(sql.get("xa.entry.release"), ps -> ps.setLong(1, id));
            tx.update(sql.get("xa.branch.delete"), ps -> ps.setLong(1, id));
            return Optional.of(endpoints);
        });
    }

    @Override
    public List<BranchId> preparedBranches() {
        return jdbc.inTransaction("recover prepared branches", tx -> tx.query(sql.get("xa.branch.all"), ps -> { },
                rs -> new BranchId(rs.getInt(1), rs.getBytes(2), rs.getBytes(3))));
    }

    private Optional<Long> branchRow(Jdbc.Tx tx, BranchId branch) throws SQLException {
        return tx.query(sql.get("xa.branch.find"), ps -> bindBranch(ps, branch), rs -> rs.getLong(1))
                .stream().findFirst();
    }

    private Set<Long> branchEndpoints(Jdbc.Tx tx, long branchRow) throws SQLException {
        return new HashSet<>(tx.query(sql.get("xa.endpoints"), ps -> ps.setLong(1, branchRow), rs -> rs.getLong(1)));
    }

    private static void bindBranch(PreparedStatement ps, BranchId branch) throws SQLException {
        ps.setInt(1, branch.formatId());
        ps.setBytes(2, branch.globalId());
        ps.setBytes(3, branch.branchQualifier());
    }

    @Override
    public Depth depthOf(long endpointId) {
        return jdbc.inTransaction("depth", tx -> tx.query(sql.get("endpoint.depth"), ps -> ps.setLong(1, endpointId),
                rs -> new Depth(rs.getLong(1), rs.getLong(2))).stream().findFirst().orElse(new Depth(0, 0)));
    }

    @Override
    public List<EndpointStatistics> statistics(long now) {
        return jdbc.inTransaction("read the statistics of the endpoints", tx -> {
            Map<Long, Integer> consumers = new HashMap<>();
            for (long[] count : tx.query(sql.get("consumer.counts"), ps -> ps.setLong(1, now),
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)})) {
                consumers.put(count[0], (int) count[1]);
            }
            List<EndpointStatistics> all = new ArrayList<>();
            for (Counters counters : tx.query(sql.get("endpoint.statistics"), ps -> { }, Counters::read)) {
                all.add(statistics(tx, counters, consumers.getOrDefault(counters.endpoint().id(), 0)));
            }
            return all;
        });
    }

    private EndpointStatistics statistics(Jdbc.Tx tx, Counters c, int consumers) throws SQLException {
        long id = c.endpoint().id();
        long inFlight = 0;
        long oldest = -1;
        if (c.depth() > 0) {
            inFlight = tx.query(sql.get("entry.in.flight"), ps -> {
                ps.setLong(1, id);
                ps.setLong(2, id);
            }, rs -> rs.getLong(1)).get(0);
            Long head = tx.query(sql.get("entry.oldest.ready"), ps -> {
                for (int p = 1; p <= PRIORITIES; p++) {
                    ps.setLong(p, id);
                }
            }, rs -> (Long) rs.getObject(1, Long.class)).get(0);
            oldest = head == null ? -1 : head;
        }
        return new EndpointStatistics(c.endpoint(), c.depth(), c.depthBytes(), inFlight, consumers, c.enqueued(),
                c.acknowledged(), c.expired(), c.deadLettered(), oldest);
    }

    /** One statement parameter per JMS priority in entry.oldest.ready. */
    private static final int PRIORITIES = 10;

    /** An endpoint row with its depth and counters. */
    private record Counters(EndpointRecord endpoint, long depth, long depthBytes, long enqueued, long acknowledged,
                            long expired, long deadLettered) {
        static Counters read(ResultSet rs) throws SQLException {
            return new Counters(JdbcMessageStore.endpoint(rs), rs.getLong("depth"), rs.getLong("depth_bytes"),
                    rs.getLong("enqueued"), rs.getLong("acknowledged"), rs.getLong("expired"),
                    rs.getLong("dead_lettered"));
        }
    }

    @Override
    public void close() {
        onClose.run();
    }
}
