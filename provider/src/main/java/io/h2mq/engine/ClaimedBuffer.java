package io.h2mq.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import io.h2mq.message.H2mqMessage;
import io.h2mq.selector.MessageSelector;
import io.h2mq.store.StoredEntry;

/**
 * Entries this node claimed from one endpoint ahead of demand (the prefetch) and has not yet handed to a consumer,
 * best first: priority descending, then arrival. Claiming a batch in one write and handing its entries out from
 * memory is what spares each delivery its own claim transaction.
 *
 * <p>Claims are the node's, not a consumer's, so any local consumer of the endpoint takes from the buffer: a second
 * consumer that joins is served at once, and one consumer's prefetch never starves another in this JVM.
 *
 * <p>Not thread-safe: guarded by the endpoint's lock (see {@link LocalEndpoint}).
 */
final class ClaimedBuffer {
    /** A claimed entry with its decoded message. */
    record Claimed(StoredEntry entry, H2mqMessage message) {
    }

    private static final Comparator<Claimed> BEST_FIRST = Comparator
            .comparingInt((Claimed c) -> -c.entry().priority())
            .thenComparingLong(c -> c.entry().entryId());

    private final TreeSet<Claimed> entries = new TreeSet<>(BEST_FIRST);
    private long bytes;
    private boolean stale;

    int size() {
        return entries.size();
    }

    long bytes() {
        return bytes;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    void add(Claimed claimed) {
        if (entries.add(claimed)) {
            bytes += claimed.entry().body().length;
        }
    }

    /**
     * Removes and returns the best entry the selector accepts, or null. Entries found expired are removed too and
     * added to {@code expired}, to be handed back (an expired message is never delivered).
     */
    Claimed takeFirst(MessageSelector selector, long now, List<Claimed> expired) {
        Iterator<Claimed> it = entries.iterator();
        while (it.hasNext()) {
            Claimed c = it.next();
            long expiresAt = c.entry().expiresAt();
            if (expiresAt != 0 && expiresAt <= now) {
                it.remove();
                bytes -= c.entry().body().length;
                expired.add(c);
                continue;
            }
            if (selector.matches(c.message()::selectorValue)) {
                it.remove();
                bytes -= c.entry().body().length;
                return c;
            }
        }
        return null;
    }

    /** Removes and returns every entry, best first (to hand back to the store). */
    List<Claimed> drain() {
        List<Claimed> all = new ArrayList<>(entries);
        entries.clear();
        bytes = 0;
        stale = false;
        return all;
    }

    /**
     * A message that must come before everything buffered became ready (one handed back, or one of higher
     * priority): the buffer is handed back before anything more is taken from it, so delivery order holds.
     */
    void markStale() {
        if (!entries.isEmpty()) {
            stale = true;
        }
    }

    /** Whether a message of this priority should be delivered before the best buffered one. */
    boolean outranks(int priority) {
        return !entries.isEmpty() && priority > entries.first().entry().priority();
    }

    boolean isStale() {
        return stale;
    }
}
