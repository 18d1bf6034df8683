package io.h2mq.ra.inbound;

import java.util.function.BooleanSupplier;

/**
 * Waiting for a condition another thread brings about: re-checked whenever {@link #changed()} is called, and every
 * 50 ms for conditions nobody signals. The test's {@code @Timeout} bounds the wait.
 */
final class Waits {
    private static final Object CHANGED = new Object();

    private Waits() {
    }

    static void changed() {
        synchronized (CHANGED) {
            CHANGED.notifyAll();
        }
    }

    static void waitFor(BooleanSupplier condition) throws InterruptedException {
        synchronized (CHANGED) {
            while (!condition.getAsBoolean()) {
                CHANGED.wait(50);
            }
        }
    }
}
