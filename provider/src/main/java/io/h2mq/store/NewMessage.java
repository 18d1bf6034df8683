package io.h2mq.store;

import java.util.List;

/**
 * A message to store once, with the endpoints it goes to.
 *
 * @param body      the encoded message (its head, when the body is stored apart)
 * @param largeBody  the body stored apart, or null when {@code body} holds it all
 * @param persistent false for a NON_PERSISTENT message, whose entries a dead node's claim drops rather than hands
 *                   back (see {@link MessageStore#reclaimFromDeadNodes})
 */
public record NewMessage(byte[] body, LargeBody largeBody, List<Target> targets, boolean persistent) {

    public NewMessage(byte[] body, LargeBody largeBody, List<Target> targets) {
        this(body, largeBody, targets, true);
    }

    public NewMessage(byte[] body, List<Target> targets) {
        this(body, null, targets, true);
    }

    /** The same message, NON_PERSISTENT. */
    public NewMessage nonPersistent() {
        return new NewMessage(body, largeBody, targets, false);
    }

    /** Bytes the message counts in its endpoints' depth: the encoded message and the body stored apart. */
    public long size() {
        return body.length + (largeBody == null ? 0 : largeBody.length());
    }

    /**
     * @param visibleAt epoch millis before which it is not delivered (delivery delay), 0 for at once
     * @param expiresAt epoch millis after which it is dropped, 0 for never
     */
    public record Target(long endpointId, int priority, long visibleAt, long expiresAt) {
    }
}
