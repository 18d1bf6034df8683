package io.h2mq.cluster;

import java.util.List;

import io.h2mq.H2mqConnectionFactory;
import io.h2mq.H2mqOptions;

/**
 * The connection factory every process of a multi-process test builds: the shared store's URL, and the lease time
 * and prefetch the parent chose, passed as {@code -D} options ({@link #jvmOptions}) so that every node agrees.
 */
final class NodeOptions {
    private static final String LEASE_PROPERTY = "h2mq.test.leaseTime";
    private static final String PREFETCH_PROPERTY = "h2mq.test.prefetch";

    private NodeOptions() {
    }

    static H2mqConnectionFactory factory(String url) {
        H2mqOptions options = new H2mqOptions();
        options.setUrl(url);
        options.setLeaseTime(Long.getLong(LEASE_PROPERTY, H2mqOptions.DEFAULT_LEASE_TIME));
        options.setPrefetch(Integer.getInteger(PREFETCH_PROPERTY, H2mqOptions.DEFAULT_PREFETCH));
        return new H2mqConnectionFactory(options);
    }

    /** The JVM options of a child process with this lease time and prefetch. */
    static List<String> jvmOptions(long leaseTime, int prefetch) {
        return List.of("-Xmx256m", "-D" + LEASE_PROPERTY + "=" + leaseTime, "-D" + PREFETCH_PROPERTY + "=" + prefetch);
    }
}
