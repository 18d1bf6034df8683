package io.h2mq.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class H2UrlsTest {
    @Test
    void fileUrlGetsDurableCommitsAndALargerStatementCache() {
        assertEquals("jdbc:h2:file:/data/q;WRITE_DELAY=0;QUERY_CACHE_SIZE=" + H2Urls.QUERY_CACHE_SIZE,
                H2Urls.withDurableCommits("jdbc:h2:file:/data/q"));
    }

    @Test
    void settingsTheUrlMakesItselfAreKept() {
        assertEquals("jdbc:h2:file:/data/q;write_delay=1000;query_cache_size=4",
                H2Urls.withDurableCommits("jdbc:h2:file:/data/q;write_delay=1000;query_cache_size=4"));
    }

    @Test
    void inMemoryUrlGetsNoWriteDelayButTheStatementCache() {
        String url = H2Urls.withDurableCommits("jdbc:h2:mem:q");
        assertFalse(url.contains("WRITE_DELAY"), url);
        assertTrue(url.endsWith(";QUERY_CACHE_SIZE=" + H2Urls.QUERY_CACHE_SIZE), url);
    }

    @Test
    void otherDatabasesAreLeftAlone() {
        assertEquals("jdbc:postgresql://db/q", H2Urls.withDurableCommits("jdbc:postgresql://db/q"));
    }
}
