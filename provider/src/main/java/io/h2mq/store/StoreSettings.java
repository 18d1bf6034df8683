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
 */
public record StoreSettings(String url, String user, String password, int poolSize, boolean forceToDisk) {

    public StoreSettings(String url, String user, String password, int poolSize) {
        this(url, user, password, poolSize, false);
    }

    @Override
    public String toString() {
        return "StoreSettings[url=" + url + ", user=" + user + ", password=" + (password == null ? "null" : "****")
                + ", poolSize=" + poolSize + ", forceToDisk=" + forceToDisk + "]";
    }
}
