package io.h2mq.engine;

import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;

/**
 * Every JMSException h2mq raises is made here: the most specific type the spec names, a message that names the
 * object and the value, and the cause attached both as cause and as linked exception (older clients read the
 * latter).
 */
public final class JmsErrors {
    private JmsErrors() {
    }

    public static <E extends JMSException> E withCause(E e, Throwable cause) {
        if (cause != null) {
            e.initCause(cause);
            if (cause instanceof Exception ex) {
                e.setLinkedException(ex);
            }
        }
        return e;
    }

    /** The store failed while doing {@code what}. */
    public static JMSException store(String what, RuntimeException cause) {
        return withCause(new JMSException(what + " failed: " + cause.getMessage()), cause);
    }

    public static IllegalStateException closed(String what) {
        return new IllegalStateException(what + " is closed");
    }

    public static IllegalStateException illegalState(String message) {
        return new IllegalStateException(message);
    }

    public static InvalidDestinationException invalidDestination(String message) {
        return new InvalidDestinationException(message);
    }
}
