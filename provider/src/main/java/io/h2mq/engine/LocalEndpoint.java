package io.h2mq.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What this JVM keeps of one endpoint for its local consumers: the lock under which they choose what to claim, the
 * entries whose claim is being written, the buffer of entries claimed ahead of demand, and how many readers are
 * open. Everything but the reader count is guarded by {@link #lock}.
 */
final class LocalEndpoint {
    final ReentrantLock lock = new ReentrantLock();
    /** Entries a local consumer chose and is claiming now; the others skip them. Guarded by {@link #lock}. */
    final Set<Long> claimsInFlight = new HashSet<>();
    /** Entries local consumers are claiming from the head of the endpoint now. Guarded by {@link #lock}. */
    int headClaimsInFlight;
    /** Guarded by {@link #lock}. */
    final ClaimedBuffer buffer = new ClaimedBuffer();
    /** The mean size of the entries claimed here (bodies in the head), to bound a head claim by bytes. */
    volatile long meanEntrySize;
    private int readers;

    synchronized void readerOpened() {
        readers++;
    }

    /** @return true if that was the last open reader */
    synchronized boolean readerClosed() {
        return --readers == 0;
    }

    /** Empties the buffer, for handing it back to the store (no local consumer is left to take it). */
    List<ClaimedBuffer.Claimed> drainBuffer() {
        lock.lock();
        try {
            return buffer.drain();
        } finally {
            lock.unlock();
        }
    }

    /** See {@link ClaimedBuffer#markStale()}. */
    void markStale() {
        lock.lock();
        try {
            buffer.markStale();
        } finally {
            lock.unlock();
        }
    }

    /** Marks the buffer stale if a new message of this priority should come before what it holds. */
    void arrived(int priority) {
        lock.lock();
        try {
            if (buffer.outranks(priority)) {
                buffer.markStale();
            }
        } finally {
            lock.unlock();
        }
    }
}
