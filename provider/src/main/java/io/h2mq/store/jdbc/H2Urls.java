package io.h2mq.store.jdbc;

import java.util.Locale;

/**
 * Adjusts H2 URLs for h2mq's guarantees. H2 by default writes a commit up to half a second after returning from it,
 * so a process killed in that window loses commits that returned; {@code WRITE_DELAY=0} writes before returning.
 * A URL that sets WRITE_DELAY itself keeps its choice.
 */
public final class H2Urls {
    private H2Urls() {
    }

    static String withDurableCommits(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("JDBC:H2:") || upper.contains("WRITE_DELAY=") || upper.startsWith("JDBC:H2:MEM:")) {
            return url;
        }
        return url + ";WRITE_DELAY=0";
    }

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
