package io.h2mq.store;

/**
 * The figures of one endpoint, read from its counters and a few index look-ups, never from message rows.
 *
 * @param depth           entries waiting on, claimed from or held on the endpoint
 * @param depthBytes      their encoded size
 * @param inFlight        entries claimed by a consumer or held by a prepared transaction
 * @param consumers       the consumers of the endpoint in every live node
 * @param enqueued        entries ever made visible on the endpoint (sends, moves in)
 * @param acknowledged    entries ever consumed from it
 * @param expired         entries ever dropped or moved away on expiry
 * @param deadLettered    entries ever moved to a dead-letter queue
 * @param oldestVisibleAt when the oldest ready entry became deliverable (epoch millis), or -1 when none is ready
 */
public record EndpointStatistics(EndpointRecord endpoint, long depth, long depthBytes, long inFlight, int consumers,
                                 long enqueued, long acknowledged, long expired, long deadLettered,
                                 long oldestVisibleAt) {
}
