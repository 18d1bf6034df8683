package io.h2mq.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A wake-up that is never lost: a waiter reads {@link #version()} before looking for work and then
 * {@link #awaitChange} returns as soon as anything fired after that read. Waiters and registered listeners (sessions
 * that deliver to message listeners) are woken directly by whoever made new work: no polling.
 */
public final class Signal {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long version;

    public long version() {
        lock.lock();
        try {
            return version;
        } finally {
            lock.unlock();
        }
    }

    public void fire() {
        lock.lock();
        try {
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        for (Runnable listener : listeners) {
            listener.run();
        }
    }

    /**
     * Waits until the version differs from {@code seen}, or until {@code deadlineNanos} (a {@link System#nanoTime()}
     * value; {@link Long#MAX_VALUE} waits without limit).
     *
     * @return true if it changed, false on timeout
     */
    public boolean awaitChange(long seen, long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            while (version == seen) {
                if (deadlineNanos == Long.MAX_VALUE) {
                    changed.await();
                } else {
                    long left = deadlineNanos - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    changed.await(left, TimeUnit.NANOSECONDS);
                }
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * True while someone would notice a fire: a thread in {@link #awaitChange} or a registered listener. Polls for
     * work of other processes fire only such signals, so an endpoint nobody waits on costs them nothing.
     */
    boolean isWatched() {
        if (!listeners.isEmpty()) {
            return true;
        }
        lock.lock();
        try {
            return lock.hasWaiters(changed);
        } finally {
            lock.unlock();
        }
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }
}
