package io.h2mq.store;

import java.io.InputStream;
import java.util.function.Supplier;

/**
 * A message body stored apart from the message's row, read only for the one message being delivered or browsed.
 * It comes either from memory (a send) or from another stored message (a move to a dead-letter or expiry queue,
 * copied inside the database without passing through the heap).
 */
public sealed interface LargeBody {

    /** Bytes in the body. */
    long length();

    /**
     * A body in memory, streamed into the store.
     *
     * @param opener a new stream over the body from its start at each call: a write that is retried reads it again
     */
    record Streamed(long length, Supplier<InputStream> opener) implements LargeBody {
    }

    /**
     * The body of the stored message {@code messageId}, copied in the database. If that message is gone when the
     * copy is written (another process moved or purged it meanwhile), the new message is not stored.
     */
    record CopiedFrom(long messageId, long length) implements LargeBody {
    }
}
