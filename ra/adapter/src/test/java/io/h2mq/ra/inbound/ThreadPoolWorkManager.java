package io.h2mq.ra.inbound;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkEvent;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.work.WorkRejectedException;

/** A server's work manager as the adapter sees it: works run on pooled threads; after close, works are rejected. */
final class ThreadPoolWorkManager implements WorkManager, AutoCloseable {
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-work-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    @Override
    public void doWork(Work work) {
        work.run();
    }

    @Override
    public void doWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
        work.run();
    }

    @Override
    public long startWork(Work work) throws WorkException {
        scheduleWork(work, INDEFINITE, null, null);
        return 0;
    }

    @Override
    public long startWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
            throws WorkException {
        scheduleWork(work, startTimeout, context, listener);
        return 0;
    }

    @Override
    public void scheduleWork(Work work) throws WorkException {
        scheduleWork(work, INDEFINITE, null, null);
    }

    @Override
    public void scheduleWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
            throws WorkException {
        try {
            pool.execute(() -> {
                if (listener != null) {
                    listener.workStarted(new WorkEvent(this, WorkEvent.WORK_STARTED, work, null));
                }
                work.run();
                if (listener != null) {
                    listener.workCompleted(new WorkEvent(this, WorkEvent.WORK_COMPLETED, work, null));
                }
            });
        } catch (RejectedExecutionException e) {
            throw new WorkRejectedException("test work manager is closed", e);
        }
    }

    /** Fails if a work is still running: every activation must have ended its works by now. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
                throw new AssertionError("works still running 10 s after the work manager was closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for works to end", e);
        }
    }
}
