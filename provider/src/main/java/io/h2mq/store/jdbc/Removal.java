package io.h2mq.store.jdbc;

/**
 * Why an entry left its endpoint, for the endpoint's counters. {@link #DROPPED} (an overflow policy, a
 * NON_PERSISTENT claim of a dead process, a purge) changes the depth only; the others each have a counter, in the
 * order {@link DepthChanges} binds them.
 */
enum Removal {
    ACKNOWLEDGED,
    EXPIRED,
    DEAD_LETTERED,
    DROPPED
}
