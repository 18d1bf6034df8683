package io.h2mq.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import io.h2mq.store.ChangeFeed;
import io.h2mq.store.StoreSettings;

/**
 * Which change feed a store gets, decided from its URL alone (no connection is opened until the feed starts), and
 * the payloads of PostgreSQL notifications.
 */
class ChangeFeedsTest {

    private static ChangeFeed feedOf(String url) {
        return JdbcMessageStores.changeFeed(new StoreSettings(url, null, null, 1));
    }

    @Test
    void anH2DatabaseOnlyThisProcessCanOpenHasNoFeed() {
        assertSame(ChangeFeed.NONE, feedOf("jdbc:h2:file:/tmp/h2mq-never-opened"));
        assertSame(ChangeFeed.NONE, feedOf("jdbc:h2:mem:h2mq-never-opened"));
        assertSame(ChangeFeed.NONE, feedOf("jdbc:h2:/tmp/h2mq-never-opened"));
    }

    @Test
    void anH2DatabaseSharedThroughItsServerModeIsPolled() {
        assertInstanceOf(H2PollingChangeFeed.class, feedOf("jdbc:h2:tcp://localhost:9092/h2mq"));
        assertInstanceOf(H2PollingChangeFeed.class, feedOf("jdbc:h2:file:/tmp/h2mq-never-opened;AUTO_SERVER=TRUE"));
    }

    @Test
    void aPostgresqlStoreListensForNotifications() {
        ChangeFeed feed = feedOf("jdbc:postgresql://localhost:5432/h2mq");
        assertInstanceOf(PostgresChangeFeed.class, feed);
        assertTrue(feed.shared());
    }

    @Test
    void payloadsStayUnderTheLimitAndCarryEveryIdOnce() {
        Set<Long> ids = LongStream.range(1_000_000_000L, 1_000_003_000L).boxed()
                .collect(Collectors.toCollection(LinkedHashSet::new));

        List<String> payloads = PostgresAnnouncer.payloads(ids, PostgresAnnouncer.PAYLOAD_LIMIT);

        assertTrue(payloads.size() > 1, "3000 ids of 10 digits fit in one payload?");
        payloads.forEach(p -> assertTrue(p.length() <= PostgresAnnouncer.PAYLOAD_LIMIT, p.length() + " characters"));
        assertEquals(ids, payloads.stream().flatMap(p -> java.util.Arrays.stream(p.split(",")))
                .map(Long::parseLong).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    @Test
    void aFewIdsGoInOnePayload() {
        assertEquals(List.of("3,1,2"), PostgresAnnouncer.payloads(new LinkedHashSet<>(List.of(3L, 1L, 2L)), 100));
    }
}
