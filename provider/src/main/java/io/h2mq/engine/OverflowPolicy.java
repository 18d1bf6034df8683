package io.h2mq.engine;

/**
 * What a destination does when a send would take it past its maximum depth.
 *
 * @param maxMessages        entries an endpoint may hold (waiting, in delivery or held by a prepared transaction);
 *                           0 for no limit
 * @param maxBytes           encoded bytes an endpoint may hold; 0 for no limit
 * @param action             what happens to the send that does not fit
 * @param blockTimeoutMillis how long {@link Action#BLOCK} waits for room before failing the send
 */
public record OverflowPolicy(long maxMessages, long maxBytes, Action action, long blockTimeoutMillis) {

    /** The answers to a producer faster than its consumers. */
    public enum Action {
        /** The send waits until a consumer frees room, or fails with ResourceAllocationException after the timeout. */
        BLOCK,
        /** The send fails at once with ResourceAllocationException; nothing is stored. */
        FAIL,
        /** The new message is dropped (counted and logged); the send returns normally. */
        DROP_NEW,
        /** The message at the head of the endpoint is dropped to make room (counted and logged). */
        DROP_OLD
    }

    public static final OverflowPolicy UNLIMITED = new OverflowPolicy(0, 0, Action.BLOCK, 30_000);

    public boolean limited() {
        return maxMessages > 0 || maxBytes > 0;
    }

    /** True if {@code messages}/{@code bytes} already held leave no room for one more message of {@code size}. */
    public boolean full(long messages, long bytes, long size) {
        return (maxMessages > 0 && messages + 1 > maxMessages) || (maxBytes > 0 && bytes + size > maxBytes);
    }
}
