package io.h2mq.management;

/**
 * A queue of the store: its figures, and an administrator's operations on its ready messages (those no consumer
 * holds). Operations return how many messages they deleted or moved; a failure comes back as
 * {@link IllegalArgumentException} (unknown queue, bad selector) or {@link IllegalStateException} (the store failed),
 * with the reason in its message.
 */
public interface QueueMXBean extends DestinationMXBean {
    String getName();

    /** Deletes every ready message. */
    long purge();

    /** Deletes the ready messages a message selector accepts. */
    long purge(String selector);

    /** Moves the ready messages a selector accepts (empty or null: all) to another queue, created if needed. */
    long moveMessages(String selector, String targetQueue);

    /** Sends each message of this dead-letter queue back to the queue it came from (H2MQ_ORIGINAL_DESTINATION). */
    long retryDeadLetters();
}
