package io.h2mq.store;

/**
 * Names an entry, the message it references (dropped with its last entry), and the endpoint and size it counts in
 * (the endpoint's depth goes down when the entry goes).
 */
public record EntryRef(long entryId, long messageId, long endpointId, int size) {
}
