package io.h2mq.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.h2mq.testing.TestStores;
import io.h2mq.store.BranchId;
import io.h2mq.store.Cursor;
import io.h2mq.store.Depth;
import io.h2mq.store.EndpointKeys;
import io.h2mq.store.EndpointKind;
import io.h2mq.store.EndpointRecord;
import io.h2mq.store.EndpointSpec;
import io.h2mq.store.EntryRef;
import io.h2mq.store.MessageStore;
import io.h2mq.store.NewMessage;
import io.h2mq.store.Reclaimed;
import io.h2mq.store.StoreSettings;
import io.h2mq.store.StoredEntry;
import io.h2mq.store.Upcoming;
import io.h2mq.store.WriteBatch;

class JdbcMessageStoreTest {
    @TempDir
    Path dir;

    MessageStore store;

    @BeforeEach
    void open() {
        store = JdbcMessageStores.open(new StoreSettings(TestStores.url(dir), null, null, 4));
        store.heartbeat("node-a", Long.MAX_VALUE);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private EndpointRecord queue(String name) {
        return store.createEndpoint(new EndpointSpec(EndpointKeys.queue(name), EndpointKind.QUEUE, name, null, null,
                null, false, false, false, null, null));
    }

    private EndpointRecord subscription(String topic, String name) {
        return store.createEndpoint(new EndpointSpec(EndpointKeys.durable("c", name, false),
                EndpointKind.DURABLE_SUBSCRIPTION, topic, name, "c", null, false, false, false, null, null));
    }

    private boolean claim(long entryId, String node) {
        WriteBatch batch = new WriteBatch().claim(entryId, node, Long.MAX_VALUE);
        store.write(batch);
        return batch.wasClaimed(entryId);
    }

    private static NewMessage message(String text, int priority, long... endpointIds) {
        List<NewMessage.Target> targets = java.util.Arrays.stream(endpointIds)
                .mapToObj(id -> new NewMessage.Target(id, priority, 0, 0)).toList();
        return new NewMessage(text.getBytes(StandardCharsets.UTF_8), targets);
    }

    private static String text(StoredEntry e) {
        return new String(e.body(), StandardCharsets.UTF_8);
    }

    @Test
    void createEndpointIsIdempotentByKey() {
        EndpointRecord first = queue("orders");
        EndpointRecord second = queue("orders");
        assertEquals(first.id(), second.id());
        assertTrue(store.findEndpoint(EndpointKeys.queue("orders")).isPresent());
    }

    @Test
    void peekOrdersByPriorityThenArrival() {
        long q = queue("q").id();
        store.write(new WriteBatch().send(message("low-1", 1, q)).send(message("high", 9, q))
                .send(message("low-2", 1, q)));
        List<String> order = store.peek(q, 0, null, 10).stream().map(JdbcMessageStoreTest::text).toList();
        assertEquals(List.of("high", "low-1", "low-2"), order);
    }

    @Test
    void peekResumesAfterCursor() {
        long q = queue("q").id();
        for (int i = 0; i < 5; i++) {
            store.write(new WriteBatch().send(message("m" + i, 4, q)));
        }
        List<StoredEntry> first = store.peek(q, 0, null, 2);
        List<StoredEntry> rest = store.peek(q, 0, Cursor.after(first.get(1)), 10);
        assertEquals(List.of("m2", "m3", "m4"), rest.stream().map(JdbcMessageStoreTest::text).toList());
    }

    @Test
    void claimedEntryIsNotClaimedTwice() {
        long q = queue("q").id();
        store.write(new WriteBatch().send(message("only", 4, q)));
        long entry = store.peek(q, 0, null, 1).get(0).entryId();
        assertTrue(claim(entry, "node-a"));
        assertFalse(claim(entry, "node-b"));
        assertTrue(store.peek(q, 0, null, 10).isEmpty());
    }

    @Test
    void takeConsumesAnEntryOnlyIfItsClaimWins() {
        long q = queue("take").id();
        store.write(new WriteBatch().send(message("first", 4, q)).send(message("second", 4, q)));
        List<StoredEntry> ready = store.peek(q, 0, null, 2);
        StoredEntry first = ready.get(0);
        StoredEntry second = ready.get(1);
        assertTrue(claim(first.entryId(), "node-a"));

        WriteBatch lost = new WriteBatch().take(new EntryRef(first.entryId(), first.messageId(), q, first.size()),
                "node-b", Long.MAX_VALUE);
        store.write(lost);
        assertFalse(lost.wasClaimed(first.entryId()), "node-a holds it");
        assertEquals(2, store.depth(q), "an entry another node claimed is not consumed");

        WriteBatch won = new WriteBatch().take(new EntryRef(second.entryId(), second.messageId(), q, second.size()),
                "node-b", Long.MAX_VALUE);
        store.write(won);
        assertTrue(won.wasClaimed(second.entryId()));
        assertEquals(1, store.depth(q), "claimed and consumed in one write");
        assertTrue(store.peek(q, 0, null, 10).isEmpty());
    }

    @Test
    void topicMessageStoredOnceSurvivesUntilLastSubscriptionAcknowledges() {
        long s1 = subscription("t", "one").id();
        long s2 = subscription("t", "two").id();
        store.write(new WriteBatch().send(message("fan", 4, s1, s2)));
        StoredEntry e1 = store.peek(s1, 0, null, 1).get(0);
        StoredEntry e2 = store.peek(s2, 0, null, 1).get(0);
        assertEquals(e1.messageId(), e2.messageId());
        store.write(new WriteBatch().acknowledge(new EntryRef(e1.entryId(), e1.messageId(), s1, e1.size())));
        assertEquals("fan", text(store.peek(s2, 0, null, 1).get(0)));
        assertEquals(2, store.subscriptionsOf("t").size());
    }

    @Test
    void redeliveredEntryComesBackWithRaisedCount() {
        long q = queue("q").id();
        store.write(new WriteBatch().send(message("again", 4, q)));
        long entry = store.peek(q, 0, null, 1).get(0).entryId();
        claim(entry, "node-a");
        store.write(new WriteBatch().redeliver(q, entry, 0));
        assertEquals(1, store.peek(q, 0, null, 1).get(0).deliveryCount());
    }

    @Test
    void claimsOfADeadNodeComeBackRedelivered() {
        long q = queue("q").id();
        store.write(new WriteBatch().send(message("orphan", 4, q)));
        store.heartbeat("node-b", 10);
        long entry = store.peek(q, 0, null, 1).get(0).entryId();
        claim(entry, "node-b");
        Reclaimed reclaimed = store.reclaimFromDeadNodes("node-a", 100, false);
        assertEquals(1, reclaimed.entries());
        assertEquals(Set.of(q), reclaimed.endpoints());
        assertEquals(1, store.peek(q, 0, null, 1).get(0).deliveryCount());
    }

    @Test
    void headClaimTakesTheBestReadyEntriesAndTheNextClaimTheRest() {
        long q = queue("head").id();
        store.write(new WriteBatch().send(message("low", 1, q)).send(message("high", 9, q))
                .send(message("mid-1", 4, q)).send(message("mid-2", 4, q)).send(message("mid-3", 4, q)));
        assertEquals(List.of("high", "mid-1", "mid-2"), claimHead(q, "node-a", Long.MAX_VALUE, 3));
        assertEquals(List.of("mid-3", "low"), claimHead(q, "node-b", Long.MAX_VALUE, 3));
        assertEquals(List.of(), claimHead(q, "node-a", Long.MAX_VALUE, 3));
        assertEquals(5, store.depth(q), "claimed, not consumed");
    }

    @Test
    void headClaimsOfConcurrentTransactionsNeverShareAnEntry() throws Exception {
        long q = queue("race").id();
        WriteBatch sends = new WriteBatch();
        for (int i = 0; i < 400; i++) {
            sends.send(message("m" + i, 4, q));
        }
        store.write(sends);
        List<Callable<List<String>>> claimers = List.of(() -> claimAll(q, "node-a"), () -> claimAll(q, "node-b"),
                () -> claimAll(q, "node-c"));
        List<String> claimed = new ArrayList<>();
        for (Future<List<String>> f : Executors.newFixedThreadPool(3).invokeAll(claimers)) {
            claimed.addAll(f.get(60, TimeUnit.SECONDS));
        }
        assertEquals(400, claimed.size(), "every entry claimed once");
        assertEquals(400, new HashSet<>(claimed).size(), "no entry claimed twice");
    }

    private List<String> claimAll(long q, String node) {
        List<String> mine = new ArrayList<>();
        // On H2 a head claim may come back empty while another transaction holds the best entries: go on until
        // nothing is ready any more.
        while (!store.peek(q, 0, null, 1).isEmpty()) {
            mine.addAll(claimHead(q, node, Long.MAX_VALUE, 7));
        }
        return mine;
    }

    private List<String> claimHead(long q, String node, long leaseUntil, int limit) {
        WriteBatch batch = new WriteBatch();
        WriteBatch.HeadClaim head = batch.claimHead(q, node, leaseUntil, 0, limit);
        store.write(batch);
        return head.claimed().stream().map(JdbcMessageStoreTest::text).toList();
    }

    @Test
    void claimWhoseLeaseLapsedComesBackRedelivered() {
        long q = queue("lapse").id();
        store.write(new WriteBatch().send(message("leased", 4, q)));
        assertEquals(List.of("leased"), claimHead(q, "node-b", 100, 1));
        assertEquals(Reclaimed.NONE, store.reclaimLapsedLeases(99), "the lease runs until 100");
        Reclaimed reclaimed = store.reclaimLapsedLeases(101);
        assertEquals(1, reclaimed.entries());
        assertEquals(Set.of(q), reclaimed.endpoints());
        StoredEntry back = store.peek(q, 0, null, 1).get(0);
        assertEquals(1, back.deliveryCount(), "marked redelivered");
    }

    @Test
    void heartbeatRenewsTheLeasesOfTheEntriesANodeHolds() {
        long q = queue("renew").id();
        store.write(new WriteBatch().send(message("held", 4, q)).send(message("other", 4, q)));
        claimHead(q, "node-b", 100, 1);
        claimHead(q, "node-c", 100, 1);
        store.heartbeat("node-b", 1_000);
        Reclaimed reclaimed = store.reclaimLapsedLeases(500);
        assertEquals(1, reclaimed.entries(), "only node-c's claim lapsed");
        assertEquals("other", text(store.peek(q, 0, null, 1).get(0)));
    }

    @Test
    @Timeout(60)
    void renewalPassesOverAClaimAnotherTransactionHoldsInsteadOfWaitingForIt() throws Exception {
        long q = queue("busy").id();
        store.write(new WriteBatch().send(message("held", 4, q)).send(message("free", 4, q)));
        claimHead(q, "node-b", 100, 2);
        long held = store.browse(q, 0, null, 1).get(0).entryId();
        // The node's own acknowledgement of that entry, in flight: it holds the row until it commits.
        try (java.sql.Connection ack = DriverManager.getConnection(TestStores.url(dir))) {
            ack.setAutoCommit(false);
            try (PreparedStatement lock = ack.prepareStatement("SELECT id FROM h2mq_entry WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, held);
                lock.executeQuery().close();
            }
            store.heartbeat("node-b", 1_000);
            ack.rollback();
        }
        assertEquals(1, store.reclaimLapsedLeases(500).entries(), "the held claim was passed over, the other renewed");
    }

    @Test
    void aLeaseIsHeldByOneNodeAtATime() {
        assertTrue(store.takeLease("housekeeping", "node-b", 0, 100));
        assertFalse(store.takeLease("housekeeping", "node-c", 50, 150), "node-b holds it until 100");
        assertTrue(store.takeLease("housekeeping", "node-b", 60, 160), "its holder renews it");
        assertTrue(store.takeLease("housekeeping", "node-c", 161, 260), "lapsed: anyone takes it");
        assertFalse(store.takeLease("housekeeping", "node-b", 200, 300));
    }

    @Test
    void databaseClockIsReadFromTheDatabase() {
        long before = System.currentTimeMillis();
        long database = store.databaseMillis();
        long after = System.currentTimeMillis();
        // The database runs on this host: its clock agrees with ours to well within a second.
        assertTrue(database >= before - 1_000 && database <= after + 1_000,
                "database clock " + database + " outside [" + before + ", " + after + "] ± 1 s");
    }

    @Test
    void expiredEntriesAreNeitherPeekedNorKept() {
        long q = queue("q").id();
        store.write(new WriteBatch().send(new NewMessage(new byte[] {1}, List.of(new NewMessage.Target(q, 4, 0, 50)))));
        assertTrue(store.peek(q, 60, null, 10).isEmpty());
        assertEquals(1, store.purgeExpired(q, 60));
        assertEquals(0, store.depth(q));
    }

    @Test
    void delayedEntryBecomesVisibleAtItsTime() {
        long q = queue("q").id();
        store.write(new WriteBatch().send(new NewMessage(new byte[] {1}, List.of(new NewMessage.Target(q, 4, 500, 0)))));
        assertTrue(store.peek(q, 499, null, 10).isEmpty());
        assertEquals(500L, store.upcoming(q, 100).nextVisibleAt());
        assertEquals(1, store.peek(q, 500, null, 10).size());
    }

    @Test
    void upcomingTellsTheNextDeliveryTimeAndTheEarliestExpiryInOneRead() {
        long q = queue("q").id();
        store.write(new WriteBatch()
                .send(new NewMessage(new byte[] {1}, List.of(new NewMessage.Target(q, 4, 700, 0))))
                .send(new NewMessage(new byte[] {2}, List.of(new NewMessage.Target(q, 4, 0, 300))))
                .send(new NewMessage(new byte[] {3}, List.of(new NewMessage.Target(q, 4, 0, 900)))));
        assertEquals(new Upcoming(700, 300), store.upcoming(q, 100));
        assertEquals(new Upcoming(0, 0), store.upcoming(queue("empty").id(), 100));
    }

    private static NewMessage expiring(long endpointId, long expiresAt) {
        return new NewMessage(new byte[] {1}, List.of(new NewMessage.Target(endpointId, 4, 0, expiresAt)));
    }

    @Test
    void expiryDueListsTheEndpointsWhoseEarliestEntryExpiredEarliestFirst() {
        long a = queue("a").id();
        long b = queue("b").id();
        long c = queue("c").id();
        store.write(new WriteBatch().send(expiring(a, 5_000)).send(expiring(a, 1_000)).send(message("forever", 4, b))
                .send(expiring(c, 3_000)));
        assertEquals(List.of(), store.expiryDue(999));
        assertEquals(List.of(a), store.expiryDue(1_000));
        assertEquals(List.of(a, c), store.expiryDue(Long.MAX_VALUE), "an endpoint whose entries never expire is never due");
    }

    @Test
    void rearmAfterASweepMakesTheEndpointDueAtItsNextExpiryOrNever() {
        long q = queue("q").id();
        store.write(new WriteBatch().send(expiring(q, 1_000)).send(expiring(q, 5_000)).send(message("forever", 4, q)));
        assertEquals(1, store.purgeExpired(q, 1_000));
        store.rearmExpiry(q, 31_000);
        assertEquals(List.of(), store.expiryDue(4_999));
        assertEquals(List.of(q), store.expiryDue(5_000));
        assertEquals(1, store.purgeExpired(q, 5_000));
        store.rearmExpiry(q, 35_000);
        assertEquals(List.of(), store.expiryDue(Long.MAX_VALUE), "nothing left that expires");
        store.write(new WriteBatch().send(expiring(q, 9_000)));
        assertEquals(List.of(q), store.expiryDue(9_000), "a later send makes it due again");
    }

    @Test
    void rearmCountsTheExpiryOfAClaimedEntry() {
        long q = queue("q").id();
        store.write(new WriteBatch().send(expiring(q, 2_000)));
        assertTrue(claim(store.peek(q, 0, null, 1).get(0).entryId(), "node-a"));
        store.rearmExpiry(q, 31_000);
        assertEquals(List.of(q), store.expiryDue(2_000), "if it comes back expired, it must be swept");
    }

    @Test
    void aSendDuringARearmKeepsItsEarlierExpiry() {
        long q = queue("q").id();
        store.write(new WriteBatch().send(expiring(q, 1_000)).send(expiring(q, 8_000)));
        store.purgeExpired(q, 1_000);
        try (HikariDataSource pool = pool()) {
            ExpirySchedule schedule = schedule(pool);
            schedule.recheckAt(q, 31_000);
            long earliest = schedule.earliest(q);
            store.write(new WriteBatch().send(expiring(q, 4_000))); // after the read, before the rearm
            schedule.setNext(q, 31_000, earliest);
            assertEquals(8_000, earliest);
            assertEquals(List.of(q), store.expiryDue(4_000), "the concurrent send's expiry is not lost");
        }
    }

    @Test
    void aSweeperThatDiesMidwayLeavesTheEndpointDueAtItsRecheckTime() {
        long q = queue("q").id();
        store.write(new WriteBatch().send(expiring(q, 1_000)).send(expiring(q, 50_000)));
        store.purgeExpired(q, 1_000);
        try (HikariDataSource pool = pool()) {
            schedule(pool).recheckAt(q, 31_000);
        }
        assertEquals(List.of(), store.expiryDue(30_999));
        assertEquals(List.of(q), store.expiryDue(31_000));
    }

    /** The schedule's steps one by one, on a pool of its own, to interleave them with the store's writes. */
    private ExpirySchedule schedule(HikariDataSource pool) {
        return new ExpirySchedule(new Jdbc(pool), SqlStatements.load(Dialect.of(TestStores.url(dir)).resourceDirectory()));
    }

    private HikariDataSource pool() {
        String url = TestStores.url(dir);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(Dialect.of(url).jdbcUrl(url));
        config.setDriverClassName(Dialect.of(url).driverClass());
        config.setMaximumPoolSize(1);
        return new HikariDataSource(config);
    }

    @Test
    void deletingAnEndpointDropsItsEntriesAndUnsharedMessages() {
        long s1 = subscription("t", "one").id();
        long s2 = subscription("t", "two").id();
        store.write(new WriteBatch().send(message("shared", 4, s1, s2)).send(message("mine", 4, s1)));
        store.deleteEndpoint(s1);
        assertEquals(1, store.depth(s2));
        assertEquals(1, store.subscriptionsOf("t").size());
    }

    @Test
    void preparedBranchHidesItsSendsAndHoldsItsConsumedEntriesUntilCommit() {
        long q = queue("q").id();
        store.write(new WriteBatch().send(message("consumed", 4, q)));
        long consumed = store.peek(q, 0, null, 1).get(0).entryId();
        claim(consumed, "node-a");
        BranchId branch = new BranchId(1, new byte[] {1}, new byte[] {2});
        store.prepare(branch, "node-a", List.of(message("sent", 4, q)), List.of(consumed));
        assertTrue(store.peek(q, 0, null, 10).isEmpty());
        assertEquals(0, store.reclaimFromDeadNodes("node-z", 0, true).entries(),
                "held entries are not claims of a node");
        assertEquals(List.of(branch), store.preparedBranches());
        assertEquals(java.util.Set.of(q), store.commitPrepared(branch).orElseThrow());
        assertEquals(List.of("sent"), store.peek(q, 0, null, 10).stream().map(JdbcMessageStoreTest::text).toList());
        assertTrue(store.preparedBranches().isEmpty());
    }

    @Test
    void rolledBackBranchDropsItsSendsAndReturnsConsumedEntriesRedelivered() {
        long q = queue("q").id();
        store.write(new WriteBatch().send(message("consumed", 4, q)));
        long consumed = store.peek(q, 0, null, 1).get(0).entryId();
        claim(consumed, "node-a");
        BranchId branch = new BranchId(1, new byte[] {3}, new byte[] {4});
        store.prepare(branch, "node-a", List.of(message("sent", 4, q)), List.of(consumed));
        assertTrue(store.rollbackPrepared(branch).isPresent());
        List<StoredEntry> back = store.peek(q, 0, null, 10);
        assertEquals(List.of("consumed"), back.stream().map(JdbcMessageStoreTest::text).toList());
        assertEquals(1, back.get(0).deliveryCount());
        assertTrue(store.rollbackPrepared(branch).isEmpty());
    }

    @Test
    void depthCountsEntriesAndBytesThroughSendsAcknowledgementsDropsAndRollbacks() {
        long q = queue("q").id();
        store.write(new WriteBatch().send(message("aaaa", 4, q)).send(message("bb", 4, q)).send(message("c", 4, q)));
        assertEquals(new Depth(3, 7), store.depthOf(q));
        StoredEntry head = store.peek(q, 0, null, 1).get(0);
        store.write(new WriteBatch().acknowledge(new EntryRef(head.entryId(), head.messageId(), q, 4)));
        assertEquals(new Depth(2, 3), store.depthOf(q));
        store.write(new WriteBatch().dropHead(q, 1));
        assertEquals(new Depth(1, 1), store.depthOf(q));
        BranchId branch = new BranchId(1, new byte[] {9}, new byte[] {9});
        store.prepare(branch, "node-a", List.of(message("xa", 4, q)), List.of());
        assertEquals(new Depth(2, 3), store.depthOf(q), "a prepared send reserves its room");
        store.rollbackPrepared(branch);
        assertEquals(new Depth(1, 1), store.depthOf(q));
    }

    @Test
    void schemaSurvivesReopen() {
        long q = queue("q").id();
        store.write(new WriteBatch().send(message("kept", 4, q)));
        store.close();
        store = JdbcMessageStores.open(new StoreSettings(TestStores.url(dir), null, null, 4));
        assertEquals("kept", text(store.peek(q, 0, null, 1).get(0)));
    }
}
