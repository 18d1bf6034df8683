package io.h2mq.store;

import java.util.Set;

/**
 * Claims handed back for redelivery by housekeeping, and the endpoints they are on (whose consumers are to be woken).
 *
 * @param entries   how many claimed entries became ready again
 * @param endpoints the endpoints those entries are on
 */
public record Reclaimed(int entries, Set<Long> endpoints) {
    public static final Reclaimed NONE = new Reclaimed(0, Set.of());
}
