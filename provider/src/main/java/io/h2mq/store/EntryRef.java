package io.h2mq.store;

/** Names an entry and the message it references, so that the message can be dropped with its last entry. */
public record EntryRef(long entryId, long messageId) {
}
