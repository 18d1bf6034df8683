package io.h2mq.engine;

import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.h2mq.store.ChangeFeed;

/**
 * Wakes this JVM's consumers for work that other processes sharing the store committed, and tells those processes
 * of this JVM's: the bridge between the store's {@link ChangeFeed} and the local {@link Wakeups}. What the feed
 * hears fires the endpoint's signal (entries added) or room signal (entries removed, for producers blocked by a
 * full destination); this JVM's commits are announced after they return.
 *
 * <p>Behind the feed, which is only a hint, a poll on the broker's timer fires every watched signal each
 * {@code pollMillis}, so a lost notification delays a delivery by at most that. Signals nobody waits on are never
 * fired, so idle endpoints cost nothing; each waiting consumer looks at the store once per poll.
 *
 * <p>A store only this process can open has no feed ({@link ChangeFeed#shared()} false): then nothing is started
 * and nothing polls, as every write is this JVM's own and already wakes its consumers directly.
 */
final class CrossProcessWakeups implements ChangeFeed.Listener {
    private final ChangeFeed feed;
    private final Wakeups wakeups;
    private final ScheduledExecutorService timer;
    private final long pollMillis;

    CrossProcessWakeups(ChangeFeed feed, Wakeups wakeups, ScheduledExecutorService timer, long pollMillis) {
        this.feed = feed;
        this.wakeups = wakeups;
        this.timer = timer;
        this.pollMillis = Math.max(1, pollMillis);
    }

    /** Starts listening and polling when other processes share the store. */
    void start() {
        if (feed.shared()) {
            feed.start(this);
            timer.scheduleWithFixedDelay(wakeups::fireWatched, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Tells other processes that a commit of this JVM gave these endpoints entries to deliver. */
    void announce(Set<Long> endpointIds) {
        if (!endpointIds.isEmpty()) {
            feed.announce(endpointIds);
        }
    }

    /** Stops the feed; the poll stops with the broker's timer. */
    void stop() {
        feed.close();
    }

    @Override
    public Set<Long> watched() {
        return wakeups.watched();
    }

    @Override
    public void added(long endpointId) {
        wakeups.fire(endpointId);
    }

    @Override
    public void removed(long endpointId) {
        wakeups.fireRoom(endpointId);
    }

    @Override
    public void missed() {
        wakeups.fireWatched();
    }
}
