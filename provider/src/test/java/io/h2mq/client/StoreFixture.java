package io.h2mq.client;

import java.nio.file.Path;

import io.h2mq.testing.TestStores;
import io.h2mq.H2mqConnectionFactory;

/** A connection factory on a fresh H2 file store under a test's temporary directory. */
final class StoreFixture {
    private StoreFixture() {
    }

    static H2mqConnectionFactory factory(Path dir) {
        return new H2mqConnectionFactory(TestStores.url(dir));
    }
}
