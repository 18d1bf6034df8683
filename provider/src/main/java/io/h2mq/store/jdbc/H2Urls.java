package io.h2mq.store.jdbc;

import java.util.Locale;

/**
 * Adjusts H2 URLs for h2mq's guarantees. H2 by default writes a commit up to half a second after returning from it,
 * so a process killed in that window loses commits that returned; {@code WRITE_DELAY=0} writes before returning.
 * A URL that sets WRITE_DELAY itself keeps its choice. The per-session cache of parsed statements is raised to hold
 * every statement of the store, unless the URL sets {@code QUERY_CACHE_SIZE}.
 */
public final class H2Urls {
    private H2Urls() {
    }

    static String withDurableCommits(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("JDBC:H2:")) {
            return url;
        }
        String adjusted = url;
        if (!upper.contains("WRITE_DELAY=") && !upper.startsWith("JDBC:H2:MEM:")) {
            adjusted += ";WRITE_DELAY=0";
        }
        if (!upper.contains("QUERY_CACHE_SIZE=")) {
            // H2 keeps 8 parsed statements per session by default; the store uses more than that on its hot path,
            // and parsing them again on every use showed in profiles.
            adjusted += ";QUERY_CACHE_SIZE=" + QUERY_CACHE_SIZE;
        }
        return adjusted;
    }

    /** Parsed statements H2 keeps per session: more than the store's distinct statements. */
    static final int QUERY_CACHE_SIZE = 128;

    /** True when only this process can open the database, so claims held by any other node are dead. */
    public static boolean isExclusive(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("JDBC:H2:")) {
            return false;
        }
        boolean remote = upper.startsWith("JDBC:H2:TCP:") || upper.startsWith("JDBC:H2:SSL:");
        return !remote && !upper.contains("AUTO_SERVER=TRUE");
    }
}
