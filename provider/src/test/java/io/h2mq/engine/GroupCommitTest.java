package io.h2mq.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.h2mq.store.MessageStore;
import io.h2mq.store.NewMessage;
import io.h2mq.store.StoreException;
import io.h2mq.store.WriteBatch;

@Timeout(20)
class GroupCommitTest {
    /** A store that records each write's message count, holds the first write until released, fails bad batches. */
    private static final class RecordingStore {
        final List<Integer> writes = new ArrayList<>();
        /** The first byte of every message body written, in the order the store received them. */
        final List<Byte> firstBytes = new ArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger forced = new AtomicInteger();

        MessageStore proxy() {
            return (MessageStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {MessageStore.class}, (p, method, args) -> {
                        if (method.getName().equals("forceToDisk")) {
                            forced.incrementAndGet();
                            return null;
                        }
                        if (!method.getName().equals("write")) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        WriteBatch batch = (WriteBatch) args[0];
                        if (calls.incrementAndGet() == 1) {
                            release.await();
                        }
                        if (batch.messages().stream().anyMatch(m -> m.body() == null)) {
                            throw new StoreException("NULL not allowed for column BODY");
                        }
                        synchronized (writes) {
                            writes.add(batch.messages().size());
                            batch.messages().forEach(m -> firstBytes.add(m.body()[0]));
                        }
                        return null;
                    });
        }
    }

    private static WriteBatch batchOf(byte[] body) {
        return new WriteBatch().send(new NewMessage(body, List.of(new NewMessage.Target(1, 4, 0, 0))));
    }

    private static void awaitWaiting(GroupCommit commit, int n) throws InterruptedException {
        while (commit.waiting() < n) {
            Thread.sleep(1);
        }
    }

    @Test
    void batchesArrivingDuringACommitShareTheNextOne() throws Exception {
        RecordingStore store = new RecordingStore();
        GroupCommit commit = new GroupCommit(store.proxy());
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            Future<?> leader = pool.submit(() -> commit.write(batchOf(new byte[] {0})));
            while (store.calls.get() == 0) {
                Thread.sleep(1);
            }
            List<Future<?>> followers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                followers.add(pool.submit(() -> commit.write(batchOf(new byte[] {1}))));
            }
            awaitWaiting(commit, 8);
            store.release.countDown();
            leader.get(5, TimeUnit.SECONDS);
            for (Future<?> f : followers) {
                f.get(5, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(1, 8), store.writes, "one commit for the leader, one shared by the eight that waited");
    }

    @Test
    void aFailingBatchFailsOnlyItsOwnCaller() throws Exception {
        RecordingStore store = new RecordingStore();
        GroupCommit commit = new GroupCommit(store.proxy());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?> leader = pool.submit(() -> commit.write(batchOf(new byte[] {0})));
            while (store.calls.get() == 0) {
                Thread.sleep(1);
            }
            Future<?> good1 = pool.submit(() -> commit.write(batchOf(new byte[] {1})));
            Future<?> bad = pool.submit(() -> commit.write(batchOf(null)));
            Future<?> good2 = pool.submit(() -> commit.write(batchOf(new byte[] {2})));
            awaitWaiting(commit, 3);
            store.release.countDown();
            leader.get(5, TimeUnit.SECONDS);
            good1.get(5, TimeUnit.SECONDS);
            good2.get(5, TimeUnit.SECONDS);
            Exception failure = assertThrows(Exception.class, () -> bad.get(5, TimeUnit.SECONDS));
            assertTrue(failure.getCause() instanceof StoreException);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, store.writes.stream().mapToInt(Integer::intValue).sum(), "the three good sends are stored");
    }

    @Test
    void powerLossDurabilityForcesOncePerGroupNotPerBatch() throws Exception {
        RecordingStore store = new RecordingStore();
        GroupCommit commit = new GroupCommit(store.proxy(), true);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            Future<?> leader = pool.submit(() -> commit.write(batchOf(new byte[] {0})));
            while (store.calls.get() == 0) {
                Thread.sleep(1);
            }
            List<Future<?>> followers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                followers.add(pool.submit(() -> commit.write(batchOf(new byte[] {1}))));
            }
            awaitWaiting(commit, 5);
            store.release.countDown();
            leader.get(5, TimeUnit.SECONDS);
            for (Future<?> f : followers) {
                f.get(5, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, store.forced.get(), "one force for the leader's commit, one for the group of five");
    }

    @Test
    void aLoneWriterCommitsAtOnceOnItsOwnThread() {
        RecordingStore store = new RecordingStore();
        store.release.countDown();
        GroupCommit commit = new GroupCommit(store.proxy());
        commit.write(batchOf(new byte[] {7}));
        assertEquals(List.of(1), store.writes);
    }

    @Test
    void aBatchWrittenLaterReturnsAtOnceAndTheWriterThreadCommitsIt() throws Exception {
        RecordingStore store = new RecordingStore();
        GroupCommit commit = new GroupCommit(store.proxy());
        CompletableFuture<StoreException> outcome = new CompletableFuture<>();
        commit.writeLater(batchOf(new byte[] {5}), outcome::complete);
        while (store.calls.get() == 0) {
            Thread.sleep(1);
        }
        assertFalse(outcome.isDone(), "the store holds the write, yet writeLater returned");
        store.release.countDown();
        assertNull(outcome.get(5, TimeUnit.SECONDS), "committed");
        assertEquals(List.of(1), store.writes);
    }

    @Test
    void aBatchWrittenLaterKeepsItsPlaceBeforeTheCallersNextWrite() {
        RecordingStore store = new RecordingStore();
        store.release.countDown();
        GroupCommit commit = new GroupCommit(store.proxy());
        for (byte b = 0; b < 50; b++) {
            commit.writeLater(batchOf(new byte[] {b}), failure -> { });
        }
        commit.write(batchOf(new byte[] {50}));
        List<Byte> expected = new ArrayList<>();
        for (byte b = 0; b <= 50; b++) {
            expected.add(b);
        }
        assertEquals(expected, store.firstBytes, "written in the order they were queued");
    }

    @Test
    void flushReturnsWhenEverythingQueuedIsWritten() throws Exception {
        RecordingStore store = new RecordingStore();
        GroupCommit commit = new GroupCommit(store.proxy());
        for (int i = 0; i < 10; i++) {
            commit.writeLater(batchOf(new byte[] {1}), failure -> { });
        }
        CompletableFuture<Void> flushed = CompletableFuture.runAsync(commit::flush);
        Thread.sleep(50);
        assertFalse(flushed.isDone(), "the store still holds the first write");
        store.release.countDown();
        flushed.get(5, TimeUnit.SECONDS);
        assertEquals(10, store.writes.stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void theFailureOfABatchWrittenLaterIsToldToItsOutcome() throws Exception {
        RecordingStore store = new RecordingStore();
        store.release.countDown();
        GroupCommit commit = new GroupCommit(store.proxy());
        CompletableFuture<StoreException> outcome = new CompletableFuture<>();
        commit.writeLater(batchOf(null), outcome::complete);
        assertTrue(outcome.get(5, TimeUnit.SECONDS).getMessage().contains("NULL not allowed"));
    }
}
