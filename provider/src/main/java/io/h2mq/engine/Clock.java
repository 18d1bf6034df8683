package io.h2mq.engine;

import java.util.function.LongSupplier;

/**
 * Wall-clock time for timestamps, expiry, delivery delay and claim leases. Injected so that tests can move time
 * instead of sleeping; intervals the engine waits for are measured with {@link System#nanoTime()} instead.
 */
public interface Clock {
    long millis();

    /**
     * Tells the clock the database's time ({@code databaseMillis} is read once, between two readings of this clock's
     * own time): a clock that follows the database corrects itself by the difference, so that nodes on hosts whose
     * clocks disagree agree on leases and delivery times. A clock a test drives keeps its own time.
     */
    default void align(LongSupplier databaseMillis) {
    }

    /** The system clock, following the database's clock once {@link #align aligned}. */
    static Clock system() {
        return new DatabaseClock();
    }
}
