package io.h2mq.crash;

import io.h2mq.store.jdbc.H2Urls;

import io.h2mq.H2mqConnectionFactory;
import io.h2mq.H2mqOptions;

/**
 * The connection factory of a child JVM: the store's URL, and the prefetch the parent test chose with
 * {@code -D}{@value #PREFETCH_PROPERTY} (the provider's default when absent).
 */
final class ChildFactory {
    static final String PREFETCH_PROPERTY = "h2mq.test.prefetch";
    /**
     * The children's lease: the shortest allowed, so that on a shared store (PostgreSQL) the claims of a killed child
     * come back soon. On an embedded H2 file they come back at once when the parent opens it.
     */
    static final long LEASE_MILLIS = 1_000;

    private ChildFactory() {
    }

    static H2mqConnectionFactory create(String url) {
        return new H2mqConnectionFactory(options(url));
    }

    static H2mqOptions options(String url) {
        H2mqOptions options = new H2mqOptions();
        options.setUrl(url);
        options.setPrefetch(Integer.getInteger(PREFETCH_PROPERTY, H2mqOptions.DEFAULT_PREFETCH));
        options.setLeaseTime(LEASE_MILLIS);
        return options;
    }

    /**
     * Waits, on a store other processes could share, until the claims of a child killed before the call have
     * lapsed, so that the next node to open the store hands them back when it joins. The wait is the behaviour under
     * test: a dead process's claims return after its lease, not before. An embedded H2 file needs no wait: the next
     * node to open it knows every other node is dead.
     */
    static void awaitLapseOfKilledChild(String url) throws InterruptedException {
        if (!H2Urls.isExclusive(url)) {
            // The lease, plus half of it for the housekeeping lease the child may have held, plus slack.
            Thread.sleep(LEASE_MILLIS * 2 + 500);
        }
    }

    /** The JVM option that gives a child this prefetch. */
    static String prefetchOption(int prefetch) {
        return "-D" + PREFETCH_PROPERTY + "=" + prefetch;
    }
}
