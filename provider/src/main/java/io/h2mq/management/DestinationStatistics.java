package io.h2mq.management;

/**
 * The figures of one queue or topic subscription of a store, all processes included.
 *
 * @param kind                   "queue" or "subscription"
 * @param destination            the queue's name, or the subscription's topic
 * @param subscription           the subscription's name; null for a queue
 * @param clientId               the client ID of a durable subscription that has one; null otherwise
 * @param depth                  messages waiting, in delivery or held by a prepared transaction
 * @param depthBytes             their encoded size in bytes
 * @param inFlight               messages a consumer holds (claimed, not yet acknowledged) or a prepared transaction
 *                               holds
 * @param consumers              consumers open on it, in every live process
 * @param enqueued               messages ever sent or moved to it
 * @param acknowledged           messages ever consumed from it
 * @param expired                messages ever dropped or moved to an expiry queue on expiry
 * @param deadLettered           messages ever moved to a dead-letter queue after their last delivery attempt
 * @param oldestMessageTimestamp when the oldest message waiting became deliverable (epoch millis), or -1 when none
 *                               waits
 */
public record DestinationStatistics(String kind, String destination, String subscription, String clientId,
        long depth, long depthBytes, long inFlight, int consumers, long enqueued, long acknowledged,
        long expired, long deadLettered, long oldestMessageTimestamp) {

    public static final String QUEUE = "queue";
    public static final String SUBSCRIPTION = "subscription";

    public boolean isQueue() {
        return QUEUE.equals(kind);
    }
}
