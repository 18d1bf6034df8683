package io.h2mq.store;

/**
 * The store could not do what was asked; the transaction was rolled back. The client layer turns it into a
 * {@code JMSException} with this as its cause.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
