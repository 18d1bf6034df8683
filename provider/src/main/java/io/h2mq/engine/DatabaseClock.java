package io.h2mq.engine;

import java.util.function.LongSupplier;

/**
 * The system clock, corrected by how far the database's clock is ahead of it, so that every node of a store stamps
 * messages, delays deliveries and times leases by one clock: the database's. The offset is measured at each
 * {@link #align} (the engine aligns at start and with every heartbeat) as the database's time minus the midpoint of
 * the round trip that read it; a difference within the round trip's uncertainty plus {@value #TOLERANCE_MILLIS} ms is
 * taken as no difference, so that a store on this host (the usual case) leaves the system clock as it is.
 *
 * <p>Thread-safe: the offset is one volatile field.
 */
final class DatabaseClock implements Clock {
    static final long TOLERANCE_MILLIS = 10;

    private volatile long offset;

    @Override
    public long millis() {
        return System.currentTimeMillis() + offset;
    }

    @Override
    public void align(LongSupplier databaseMillis) {
        long before = System.currentTimeMillis();
        long database = databaseMillis.getAsLong();
        long after = System.currentTimeMillis();
        offset = offset(database, before, after);
    }

    /** The correction for a database time read between two local readings. */
    static long offset(long database, long before, long after) {
        long measured = database - (before + after) / 2;
        long uncertainty = (after - before + 1) / 2 + TOLERANCE_MILLIS;
        return Math.abs(measured) <= uncertainty ? 0 : measured;
    }

    /** The current correction, in milliseconds (positive: the database's clock is ahead). */
    long offset() {
        return offset;
    }
}
