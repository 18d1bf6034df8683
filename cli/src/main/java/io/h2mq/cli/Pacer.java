package io.h2mq.cli;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Holds a loop to a rate: the n-th step may start n/rate seconds after the first, so a slow step is made up by the
 * following ones rather than lowering the rate. A rate of 0 does not wait.
 */
final class Pacer {
    private final double rate;
    private final long start = System.nanoTime();

    Pacer(double rate) {
        if (rate < 0) {
            throw new IllegalArgumentException("rate must not be negative, got " + rate);
        }
        this.rate = rate;
    }

    /** Waits until step {@code index} (0 first) may start. */
    void await(long index) throws InterruptedException {
        if (rate == 0) {
            return;
        }
        long due = start + (long) (index * (TimeUnit.SECONDS.toNanos(1) / rate));
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while pacing to " + rate + " per second");
            }
        }
    }
}
