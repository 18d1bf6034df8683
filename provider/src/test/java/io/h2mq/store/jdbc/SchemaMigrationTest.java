package io.h2mq.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.h2mq.store.MessageStore;
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
}
