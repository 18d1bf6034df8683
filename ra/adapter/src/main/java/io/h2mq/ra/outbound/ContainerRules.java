package io.h2mq.ra.outbound;

import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;

/**
 * The calls the Jakarta EE platform forbids to web and EJB components (Jakarta EE 10 platform spec, section 6.7
 * "Jakarta Messaging 3.1 Requirements"; Messaging spec, section 12.2), refused with the exception those specs name
 * and a message naming the rule, so the application's log says what to change.
 */
final class ContainerRules {
    private ContainerRules() {
    }

    static IllegalStateException forbidden(String call) {
        return new IllegalStateException(call + " is not allowed on a connection from an application server's "
                + "connection factory (Jakarta EE platform spec 6.7: not permitted in web and EJB components)");
    }

    static IllegalStateRuntimeException forbiddenRuntime(String call) {
        return new IllegalStateRuntimeException(forbidden(call).getMessage());
    }

    static IllegalStateException secondSession() {
        return new IllegalStateException("a connection from an application server's connection factory has one "
                + "session at a time; close the session first or get another connection (Jakarta EE platform "
                + "spec 6.7)");
    }

    static IllegalStateException closed(String what) {
        return new IllegalStateException(what + " is closed");
    }
}
