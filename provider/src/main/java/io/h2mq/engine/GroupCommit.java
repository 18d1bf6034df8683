package io.h2mq.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import io.h2mq.store.MessageStore;
import io.h2mq.store.StoreException;
import io.h2mq.store.WriteBatch;

/**
 * Group commit: batches that arrive while a commit is in flight are written together in the next database
 * transaction, so that many concurrent sends, acknowledgements and session commits share one commit and its write
 * to disk. Each caller returns when its own batch is durable (or failed).
 *
 * <p>Callers lead: the first caller that finds no commit in flight becomes the leader and writes everything queued
 * (up to {@link #MAX_GROUP} batches), then hands leadership to a waiting caller whose batch is still queued. A lone
 * caller therefore writes at once with no hand-off. If a merged group fails, its batches are retried one by one so
 * that one bad batch fails only its own caller.
 *
 * <p>A batch may also be queued without waiting ({@link #writeLater}): it joins the next group like any other, so
 * it keeps its place in line before the caller's later batches, and the store's writer thread leads a group when no
 * caller is there to. At most {@link #MAX_LATER} such batches wait; beyond, a caller waits for its own as usual.
 */
final class GroupCommit {
    static final int MAX_GROUP = 256;
    static final int MAX_LATER = 4096;

    private final MessageStore store;
    private final boolean forceToDisk;
    private final Deque<Pending> queued = new ArrayDeque<>();
    private boolean leaderActive;
    private int laterQueued;
    private boolean drainScheduled;
    private final ExecutorService laterWriter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "h2mq-writer");
        t.setDaemon(true);
        return t;
    });

    GroupCommit(MessageStore store) {
        this(store, false);
    }

    /** @param forceToDisk force each group to the storage device before its callers return (power-loss safety) */
    GroupCommit(MessageStore store, boolean forceToDisk) {
        this.store = store;
        this.forceToDisk = forceToDisk;
    }

    private static final class Pending {
        final WriteBatch batch;
        /** For a batch queued by {@link #writeLater}: told the outcome; null for a caller that waits. */
        final Consumer<StoreException> outcome;
        boolean done;
        StoreException failure;

        Pending(WriteBatch batch, Consumer<StoreException> outcome) {
            this.batch = batch;
            this.outcome = outcome;
        }
    }

    /**
     * Queues the batch for the next group and returns at once (or, when {@link #MAX_LATER} batches already wait,
     * after writing it). {@code outcome} is told, on the thread that wrote it, null once the batch is committed, or
     * the failure.
     */
    void writeLater(WriteBatch batch, Consumer<StoreException> outcome) {
        synchronized (this) {
            if (laterQueued < MAX_LATER) {
                queued.add(new Pending(batch, outcome));
                laterQueued++;
                scheduleDrain();
                return;
            }
        }
        StoreException failure = null;
        try {
            write(batch);
        } catch (StoreException e) {
            failure = e;
        }
        outcome.accept(failure);
    }

    /** Returns once every batch queued before the call is committed (or failed). */
    void flush() {
        synchronized (this) {
            while (!queued.isEmpty() || leaderActive) {
                if (!leaderActive) {
                    scheduleDrain();
                }
                awaitUninterruptibly();
            }
        }
    }

    /** Writes what is still queued and stops the writer thread. */
    void close() {
        flush();
        laterWriter.shutdown();
    }

    /** Has the writer thread lead the queued batches, unless it is already about to; called holding the monitor. */
    private void scheduleDrain() {
        if (!drainScheduled) {
            drainScheduled = true;
            laterWriter.execute(this::drain);
        }
    }

    /** The writer thread leads groups while batches wait and no caller leads. */
    private void drain() {
        synchronized (this) {
            drainScheduled = false;
            while (leaderActive) {
                awaitUninterruptibly();
            }
            if (queued.isEmpty()) {
                return;
            }
            leaderActive = true;
        }
        try {
            while (hasQueued()) {
                writeGroup(takeGroup());
            }
        } finally {
            synchronized (this) {
                leaderActive = false;
                notifyAll();
            }
        }
    }

    private synchronized boolean hasQueued() {
        return !queued.isEmpty();
    }

    /** Writes the batch, together with whatever else is waiting; returns when it is committed. */
    void write(WriteBatch batch) {
        Pending mine = new Pending(batch, null);
        synchronized (this) {
            queued.add(mine);
            while (!mine.done && leaderActive) {
                awaitUninterruptibly();
            }
            if (mine.done) {
                rethrow(mine);
                return;
            }
            leaderActive = true;
        }
        try {
            while (!isDone(mine)) {
                writeGroup(takeGroup());
            }
        } finally {
            synchronized (this) {
                leaderActive = false;
                // Batches queued without a waiting caller must not be stranded behind this leader.
                if (laterQueued > 0 && !queued.isEmpty()) {
                    scheduleDrain();
                }
                notifyAll();
            }
        }
        rethrow(mine);
    }

    /** Batches waiting for the commit in flight to end (an operational figure). */
    synchronized int waiting() {
        return queued.size();
    }

    private synchronized boolean isDone(Pending p) {
        return p.done;
    }

    private synchronized List<Pending> takeGroup() {
        List<Pending> group = new ArrayList<>(Math.min(queued.size(), MAX_GROUP));
        while (!queued.isEmpty() && group.size() < MAX_GROUP) {
            group.add(queued.poll());
        }
        return group;
    }

    private void writeGroup(List<Pending> group) {
        if (group.size() == 1) {
            writeAlone(group.get(0));
        } else if (writeMerged(group)) {
            finish(group, force());
        } else {
            group.forEach(this::writeAlone);
        }
        synchronized (this) {
            notifyAll();
        }
        for (Pending p : group) {
            if (p.outcome != null) {
                p.outcome.accept(p.failure);
            }
        }
    }

    /** @return false if the merged transaction failed (nothing of it was committed) */
    private boolean writeMerged(List<Pending> group) {
        WriteBatch merged = new WriteBatch();
        group.forEach(p -> merged.include(p.batch));
        try {
            store.write(merged);
        } catch (StoreException e) {
            return false;
        }
        for (Pending p : group) {
            for (WriteBatch.Claim claim : p.batch.claims()) {
                if (merged.wasClaimed(claim.entryId())) {
                    p.batch.markClaimed(claim.entryId());
                }
            }
        }
        return true;
    }

    private void writeAlone(Pending p) {
        try {
            store.write(p.batch);
        } catch (StoreException e) {
            finish(List.of(p), e);
            return;
        }
        finish(List.of(p), force());
    }

    /** Forces the group to the device when configured; a failure fails every caller of the group. */
    private StoreException force() {
        if (!forceToDisk) {
            return null;
        }
        try {
            store.forceToDisk();
            return null;
        } catch (StoreException e) {
            return e;
        }
    }

    private synchronized void finish(List<Pending> group, StoreException failure) {
        for (Pending p : group) {
            p.failure = failure;
            p.done = true;
            if (p.outcome != null) {
                laterQueued--;
            }
        }
    }

    private static void rethrow(Pending p) {
        if (p.failure != null) {
            throw p.failure;
        }
    }

    /**
     * Waits without giving up on interrupt: a caller must learn whether its batch was committed, and the wait is
     * bounded by the commit in flight. The interrupt is restored for the caller.
     */
    private void awaitUninterruptibly() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
