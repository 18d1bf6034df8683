package io.h2mq.client;

/**
 * Which session's message listener (or completion listener) the current thread is running, so that calls the spec
 * forbids from inside a listener (closing or stopping its own connection, closing its own session) are detected
 * instead of deadlocking.
 */
final class ListenerThreads {
    private static final ThreadLocal<SessionImpl> RUNNING_LISTENER_OF = new ThreadLocal<>();
    private static final ThreadLocal<SessionImpl> RUNNING_COMPLETION_OF = new ThreadLocal<>();

    private ListenerThreads() {
    }

    static void enterListener(SessionImpl session) {
        RUNNING_LISTENER_OF.set(session);
    }

    static void exitListener() {
        RUNNING_LISTENER_OF.remove();
    }

    static void enterCompletion(SessionImpl session) {
        RUNNING_COMPLETION_OF.set(session);
    }

    static void exitCompletion() {
        RUNNING_COMPLETION_OF.remove();
    }

    static boolean inListenerOf(SessionImpl session) {
        return RUNNING_LISTENER_OF.get() == session;
    }

    static boolean inListenerOf(ConnectionImpl connection) {
        SessionImpl s = RUNNING_LISTENER_OF.get();
        return s != null && s.connection() == connection;
    }

    static boolean inCompletionOf(SessionImpl session) {
        return RUNNING_COMPLETION_OF.get() == session;
    }

    static boolean inCompletionOf(ConnectionImpl connection) {
        SessionImpl s = RUNNING_COMPLETION_OF.get();
        return s != null && s.connection() == connection;
    }
}
