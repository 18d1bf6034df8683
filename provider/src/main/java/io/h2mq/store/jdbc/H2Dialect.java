package io.h2mq.store.jdbc;

import io.h2mq.store.ChangeFeed;
import io.h2mq.store.StoreSettings;

/**
 * H2, embedded in this process (a file only this process can open), or shared through its server mode (a TCP URL, or
 * {@code AUTO_SERVER=TRUE}). A commit is written to the file before it returns ({@code WRITE_DELAY=0}) but forced to
 * the device only by {@code CHECKPOINT SYNC}. H2 has no notifications: processes sharing a database poll it.
 */
final class H2Dialect implements Dialect {

    @Override
    public String resourceDirectory() {
        return "h2";
    }

    @Override
    public String driverClass() {
        return "org.h2.Driver";
    }

    @Override
    public String jdbcUrl(String url) {
        return H2Urls.withDurableCommits(url);
    }

    @Override
    public String connectionInitSql(boolean forceToDisk) {
        return null;
    }

    @Override
    public boolean commitReachesDisk() {
        return false;
    }

    /** Nothing to hear for a database only this process can open; polling for one shared through the server mode. */
    @Override
    public ChangeFeed changeFeed(StoreSettings settings) {
        return H2Urls.isExclusive(settings.url()) ? ChangeFeed.NONE
                : new H2PollingChangeFeed(new FeedConnections(this, settings), SqlStatements.load(resourceDirectory()),
                        settings.pollMillis());
    }
}
