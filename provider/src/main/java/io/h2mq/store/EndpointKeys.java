package io.h2mq.store;

/**
 * The unique keys endpoints are found by. A queue is known by its name; a durable subscription by client ID and
 * name (JMS 2.0: a shared one may have no client ID); a shared non-durable subscription likewise in its own space;
 * an unshared non-durable subscription by a generated name.
 */
public final class EndpointKeys {
    private EndpointKeys() {
    }

    public static String queue(String name) {
        return "Q:" + name;
    }

    public static String durable(String clientId, String name, boolean shared) {
        return (shared ? "SD:" : "D:") + nullToEmpty(clientId) + ":" + name;
    }

    public static String sharedNonDurable(String clientId, String name) {
        return "SN:" + nullToEmpty(clientId) + ":" + name;
    }

    public static String nonDurable(String uniqueId) {
        return "N:" + uniqueId;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
