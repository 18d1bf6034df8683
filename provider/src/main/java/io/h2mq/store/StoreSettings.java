package io.h2mq.store;

/**
 * Where the store is and how to reach it.
 *
 * @param url      JDBC URL of the database
 * @param user     database user, or null
 * @param password database password, or null; never logged
 * @param poolSize maximum pooled database connections
 */
public record StoreSettings(String url, String user, String password, int poolSize) {

    @Override
    public String toString() {
        return "StoreSettings[url=" + url + ", user=" + user + ", password=" + (password == null ? "null" : "****")
                + ", poolSize=" + poolSize + "]";
    }
}
