package io.h2mq.engine;

import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when a test moves it. */
final class SettableClock implements Clock {
    private final AtomicLong now;

    SettableClock(long start) {
        this.now = new AtomicLong(start);
    }

    @Override
    public long millis() {
        return now.get();
    }

    void advance(long millis) {
        now.addAndGet(millis);
    }
}
