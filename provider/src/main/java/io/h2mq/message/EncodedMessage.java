package io.h2mq.message;

import java.io.InputStream;

/**
 * A message encoded for the store by {@link MessageCodec}: its head (headers, properties and, unless it is large,
 * the body) and, for a bytes or stream body of more than {@link MessageCodec#LARGE_BODY_THRESHOLD} bytes, the body
 * apart. The body apart is either in memory — a message being sent: the message's own blocks, shared, not copied — or
 * not loaded: a message decoded from the store without its body and being moved to another queue, whose body the
 * store copies from the original's row.
 *
 * <p>Immutable; the body apart may be read by several threads at once, each through its own stream.
 */
public final class EncodedMessage {
    private final byte[] head;
    private final long bodyApartLength;
    private final BodyBuffer bodyApart;

    private EncodedMessage(byte[] head, long bodyApartLength, BodyBuffer bodyApart) {
        this.head = head;
        this.bodyApartLength = bodyApartLength;
        this.bodyApart = bodyApart;
    }

    static EncodedMessage withBodyInHead(byte[] head) {
        return new EncodedMessage(head, -1, null);
    }

    static EncodedMessage withBodyApart(byte[] head, BodyBuffer frozenBody) {
        return new EncodedMessage(head, frozenBody.length(), frozenBody);
    }

    static EncodedMessage withBodyNotLoaded(byte[] head, long bodyLength) {
        return new EncodedMessage(head, bodyLength, null);
    }

    /** The bytes that {@link MessageCodec#decode} reads; not a copy. */
    public byte[] head() {
        return head;
    }

    public boolean hasBodyApart() {
        return bodyApartLength >= 0;
    }

    /** Length of the body apart, 0 when the body is in the head. */
    public long bodyApartLength() {
        return Math.max(0, bodyApartLength);
    }

    /** True when the body apart is in memory and can be streamed by {@link #openBodyApart()}. */
    public boolean isBodyApartLoaded() {
        return bodyApart != null;
    }

    /** A new stream over the body apart, from its start; each call is independent (a retried write reads it again). */
    public InputStream openBodyApart() {
        if (bodyApart == null) {
            throw new IllegalStateException("this encoded message has no body apart in memory");
        }
        return bodyApart.openStream();
    }

    /** What the message costs in the store, head and body apart: the size a destination's depth counts. */
    public long size() {
        return head.length + bodyApartLength();
    }

    BodyBuffer loadedBodyApart() {
        return bodyApart;
    }
}
