package io.h2mq.store;

/**
 * Where the store is and how to reach it.
 *
 * @param url          JDBC URL of the database
 * @param user         database user, or null
 * @param password     database password, or null; never logged
 * @param poolSize     maximum pooled database connections
 * @param forceToDisk  force every commit to the storage device before it returns (survives a power loss), rather
 *                     than only writing it to the operating system (survives a crash of the process)
 * @param leaseMillis  how long a claim lasts unless renewed (a dead process's claims come back after it)
 * @param pollMillis   the longest a waiting consumer goes without looking for messages of other processes
 * @param expiryScanMillis how often the store is swept of expired messages, consumed from or not
 */
public record StoreSettings(String url, String user, String password, int poolSize, boolean forceToDisk,
                            long leaseMillis, long pollMillis, long expiryScanMillis) {
    public static final long DEFAULT_LEASE_MILLIS = 30_000;
    public static final long DEFAULT_POLL_MILLIS = 1_000;
    public static final long DEFAULT_EXPIRY_SCAN_MILLIS = 30_000;

    public StoreSettings(String url, String user, String password, int poolSize, boolean forceToDisk) {
        this(url, user, password, poolSize, forceToDisk, DEFAULT_LEASE_MILLIS, DEFAULT_POLL_MILLIS,
                DEFAULT_EXPIRY_SCAN_MILLIS);
    }

    public StoreSettings(String url, String user, String password, int poolSize) {
        this(url, user, password, poolSize, false);
    }

    @Override
    public String toString() {
        return "StoreSettings[url=" + url + ", user=" + user + ", password=" + (password == null ? "null" : "****")
                + ", poolSize=" + poolSize + ", forceToDisk=" + forceToDisk + ", leaseMillis=" + leaseMillis
                + ", pollMillis=" + pollMillis + ", expiryScanMillis=" + expiryScanMillis + "]";
    }
}
