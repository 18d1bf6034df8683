package io.h2mq.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.h2mq.store.EndpointKeys;
import io.h2mq.store.EndpointKind;
import io.h2mq.store.EndpointSpec;
import io.h2mq.store.MessageStore;
import io.h2mq.store.NewMessage;
import io.h2mq.store.WriteBatch;
import io.h2mq.store.StoreSettings;
import io.h2mq.testing.TestStores;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationTest {
    private static final int OPENERS = 4;

    @TempDir
    Path dir;

    @Test
    void storesOpenedTogetherOnAFreshDatabaseAllOpenAndEachVersionIsAppliedOnce() throws Exception {
        String url = TestStores.url(dir);
        ExecutorService pool = Executors.newFixedThreadPool(OPENERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MessageStore>> opened = new ArrayList<>();
        try {
            for (int i = 0; i < OPENERS; i++) {
                opened.add(pool.submit(() -> {
                    start.await();
                    return JdbcMessageStores.open(new StoreSettings(url, null, null, 2));
                }));
            }
            start.countDown();
            List<MessageStore> stores = new ArrayList<>();
            for (Future<MessageStore> store : opened) {
                stores.add(store.get(1, TimeUnit.MINUTES));
            }
            for (MessageStore store : stores) {
                store.close();
            }
        } finally {
            pool.shutdownNow();
        }

        List<Integer> versions = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT version FROM h2mq_schema_version ORDER BY version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        List<Integer> expected = new ArrayList<>();
        for (int v = 1; v <= SchemaMigrator.CURRENT_VERSION; v++) {
            expected.add(v);
        }
        assertEquals(expected, versions);
    }

    @Test
    void upgradingToVersion9FindsTheEarliestExpiryOfTheEntriesAlreadyStored() throws Exception {
        String url = TestStores.url(dir);
        long queue;
        try (MessageStore store = JdbcMessageStores.open(new StoreSettings(url, null, null, 2))) {
            queue = store.createEndpoint(new EndpointSpec(EndpointKeys.queue("old"), EndpointKind.QUEUE, "old", null,
                    null, null, false, false, false, null, null)).id();
            store.write(new WriteBatch()
                    .send(new NewMessage(new byte[] {1}, List.of(new NewMessage.Target(queue, 4, 0, 7_000))))
                    .send(new NewMessage(new byte[] {2}, List.of(new NewMessage.Target(queue, 4, 0, 0)))));
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            // The store as version 8 left it: no next_expiry column.
            s.execute("ALTER TABLE h2mq_endpoint DROP COLUMN next_expiry");
            s.execute("DELETE FROM h2mq_schema_version WHERE version = 9");
        }
        try (MessageStore store = JdbcMessageStores.open(new StoreSettings(url, null, null, 2))) {
            assertEquals(List.of(), store.expiryDue(6_999));
            assertEquals(List.of(queue), store.expiryDue(7_000));
        }
    }
}
