package io.h2mq.engine;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One {@link Signal} per endpoint, fired when entries become ready there: at once after a local commit, or by a
 * timer armed for the earliest delayed entry. This is how consumers in the same JVM learn of work without polling.
 * Work of other processes sharing the store arrives through {@link CrossProcessWakeups}, which fires only the
 * signals someone is {@linkplain #watched() watching}.
 */
final class Wakeups {
    private final Map<Long, Signal> signals = new ConcurrentHashMap<>();
    private final Map<Long, Long> armedAt = new ConcurrentHashMap<>();
    private final Map<Long, Signal> rooms = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final Clock clock;

    Wakeups(ScheduledExecutorService timer, Clock clock) {
        this.timer = timer;
        this.clock = clock;
    }

    Signal of(long endpointId) {
        return signals.computeIfAbsent(endpointId, id -> new Signal());
    }

    Signal roomOf(long endpointId) {
        return rooms.computeIfAbsent(endpointId, id -> new Signal());
    }

    void fireRoom(long endpointId) {
        Signal room = rooms.get(endpointId);
        if (room != null) {
            room.fire();
        }
    }

    void fire(long endpointId) {
        Signal signal = signals.get(endpointId);
        if (signal != null) {
            signal.fire();
        }
    }

    /** Fires the endpoint's signal at {@code atMillis}, unless an earlier wake-up is already armed. */
    void fireAt(long endpointId, long atMillis) {
        long delay = atMillis - clock.millis();
        if (delay <= 0) {
            fire(endpointId);
            return;
        }
        Long armed = armedAt.get(endpointId);
        if (armed != null && armed <= atMillis && armed > clock.millis()) {
            return;
        }
        armedAt.put(endpointId, atMillis);
        timer.schedule(() -> {
            armedAt.remove(endpointId, atMillis);
            fire(endpointId);
        }, delay, TimeUnit.MILLISECONDS);
    }

    void forget(long endpointId) {
        Signal signal = signals.remove(endpointId);
        armedAt.remove(endpointId);
        if (signal != null) {
            signal.fire();
        }
    }

    /** The endpoints whose signal or room signal has a waiter or listener in this JVM now. */
    Set<Long> watched() {
        Set<Long> watched = new HashSet<>();
        signals.forEach((id, signal) -> {
            if (signal.isWatched()) {
                watched.add(id);
            }
        });
        rooms.forEach((id, room) -> {
            if (room.isWatched()) {
                watched.add(id);
            }
        });
        return watched;
    }

    /** Fires every signal and room signal that has a waiter or listener, as if each endpoint had changed. */
    void fireWatched() {
        signals.values().forEach(Wakeups::fireIfWatched);
        rooms.values().forEach(Wakeups::fireIfWatched);
    }

    private static void fireIfWatched(Signal signal) {
        if (signal.isWatched()) {
            signal.fire();
        }
    }
}
