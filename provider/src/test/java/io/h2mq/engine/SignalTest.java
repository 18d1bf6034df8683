package io.h2mq.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SignalTest {
    @Test
    void fireBetweenReadAndWaitIsNotLost() throws InterruptedException {
        Signal signal = new Signal();
        long seen = signal.version();
        signal.fire();
        assertTrue(signal.awaitChange(seen, System.nanoTime() + TimeUnit.SECONDS.toNanos(5)));
    }

    @Test
    void waitWithoutFireTimesOut() throws InterruptedException {
        Signal signal = new Signal();
        assertFalse(signal.awaitChange(signal.version(), System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20)));
    }

    @Test
    void fireWakesAWaitingThread() throws InterruptedException {
        Signal signal = new Signal();
        long seen = signal.version();
        CountDownLatch woke = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                if (signal.awaitChange(seen, Long.MAX_VALUE)) {
                    woke.countDown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        signal.fire();
        assertTrue(woke.await(5, TimeUnit.SECONDS));
    }

    @Test
    void listenersRunOnEveryFireUntilRemoved() {
        Signal signal = new Signal();
        AtomicInteger calls = new AtomicInteger();
        Runnable listener = calls::incrementAndGet;
        signal.addListener(listener);
        signal.fire();
        signal.fire();
        signal.removeListener(listener);
        signal.fire();
        assertEquals(2, calls.get());
    }
}
