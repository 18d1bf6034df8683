package io.h2mq.cli;

/** The store named by {@code --url} could not be opened; the cause says why (the cause chain may hold the driver's
 *  {@link java.sql.SQLException}, whose error code tells a locked file apart from a wrong URL). */
final class StoreUnreachableException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String url;

    StoreUnreachableException(String url, Throwable cause) {
        super("cannot open the store at " + url + ": " + Failures.rootMessage(cause), cause);
        this.url = url;
    }

    String url() {
        return url;
    }
}
