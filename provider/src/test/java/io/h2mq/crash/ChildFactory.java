package io.h2mq.crash;

import io.h2mq.H2mqConnectionFactory;
import io.h2mq.H2mqOptions;

/**
 * The connection factory of a child JVM: the store's URL, and the prefetch the parent test chose with
 * {@code -D}{@value #PREFETCH_PROPERTY} (the provider's default when absent).
 */
final class ChildFactory {
    static final String PREFETCH_PROPERTY = "h2mq.test.prefetch";

    private ChildFactory() {
    }

    static H2mqConnectionFactory create(String url) {
        return new H2mqConnectionFactory(options(url));
    }

    static H2mqOptions options(String url) {
        H2mqOptions options = new H2mqOptions();
        options.setUrl(url);
        options.setPrefetch(Integer.getInteger(PREFETCH_PROPERTY, H2mqOptions.DEFAULT_PREFETCH));
        return options;
    }

    /** The JVM option that gives a child this prefetch. */
    static String prefetchOption(int prefetch) {
        return "-D" + PREFETCH_PROPERTY + "=" + prefetch;
    }
}
