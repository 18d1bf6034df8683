package io.h2mq.store;

/**
 * One message waiting on one endpoint, with the message's encoded bytes (without a body stored apart, which
 * {@link MessageStore#readLargeBody} reads).
 *
 * @param deliveryCount how many times it was delivered before (0 for a first delivery)
 * @param expiresAt     epoch millis after which it must not be delivered, 0 for never
 * @param size          bytes the entry counts in its endpoint's depth: the encoded message and any body stored apart
 */
public record StoredEntry(long entryId, long messageId, int priority, int deliveryCount, long expiresAt,
                          byte[] body, int size) {
}
