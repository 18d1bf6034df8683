package io.h2mq.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class WakeupsTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final SettableClock clock = new SettableClock(1_000);
    private final Wakeups wakeups = new Wakeups(timer, clock);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void fireWakesOnlyTheNamedEndpoint() {
        Signal a = wakeups.of(1);
        Signal b = wakeups.of(2);
        long seenB = b.version();
        wakeups.fire(1);
        assertEquals(1, a.version());
        assertEquals(seenB, b.version());
    }

    @Test
    void wakeUpInThePastFiresAtOnce() {
        Signal s = wakeups.of(7);
        wakeups.fireAt(7, 500);
        assertEquals(1, s.version());
    }

    @Test
    void wakeUpInTheFutureFiresLater() throws InterruptedException {
        Signal s = wakeups.of(7);
        long seen = s.version();
        wakeups.fireAt(7, clock.millis() + 30);
        assertEquals(seen, s.version());
        s.awaitChange(seen, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
        assertEquals(seen + 1, s.version());
    }

    @Test
    void forgottenEndpointWakesItsWaitersOnce() {
        Signal s = wakeups.of(3);
        wakeups.forget(3);
        assertEquals(1, s.version());
    }

    @Test
    void onlySignalsSomeoneWaitsOnAreWatchedAndFiredByAPoll() {
        Signal listened = wakeups.of(1);
        Signal idle = wakeups.of(2);
        listened.addListener(() -> { });
        long seenIdle = idle.version();

        assertEquals(java.util.Set.of(1L), wakeups.watched());
        wakeups.fireWatched();

        assertEquals(1, listened.version());
        assertEquals(seenIdle, idle.version());
    }
}
