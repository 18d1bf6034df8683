package io.h2mq.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatabaseClockTest {

    @Test
    void followsADatabaseWhoseClockIsAhead() {
        assertEquals(5_000, DatabaseClock.offset(1_005_002, 1_000_000, 1_000_004));
    }

    @Test
    void followsADatabaseWhoseClockIsBehind() {
        assertEquals(-60_000, DatabaseClock.offset(940_002, 1_000_000, 1_000_004));
    }

    @Test
    void keepsTheSystemClockWhenTheDifferenceIsWithinTheRoundTrip() {
        assertEquals(0, DatabaseClock.offset(1_000_030, 1_000_000, 1_000_040), "30 ms into a 40 ms round trip");
        assertEquals(0, DatabaseClock.offset(1_000_009, 1_000_000, 1_000_000), "within the tolerance");
    }

    @Test
    void alignedClockReadsAsTheDatabase() {
        DatabaseClock clock = new DatabaseClock();
        clock.align(() -> System.currentTimeMillis() + 3_600_000);
        long offset = clock.offset();
        assertTrue(Math.abs(offset - 3_600_000) < 1_000, "offset " + offset);
        long expected = System.currentTimeMillis() + offset;
        assertTrue(Math.abs(clock.millis() - expected) < 1_000);
    }
}
