package io.h2mq.engine;

/**
 * Wall-clock time for timestamps, expiry and delivery delay. Injected so that tests can move time instead of
 * sleeping; intervals the engine waits for are measured with {@link System#nanoTime()} instead.
 */
public interface Clock {
    long millis();

    static Clock system() {
        return System::currentTimeMillis;
    }
}
