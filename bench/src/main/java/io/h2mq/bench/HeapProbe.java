package io.h2mq.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Heap use during one workload. {@link #start()} collects garbage, resets every heap pool's peak and takes the
 * baseline; a daemon thread then samples the heap's used bytes every 10 ms. Everything runs in one JVM, so the
 * figures include whatever the provider (client and, for the peers, the embedded broker) holds.
 */
public final class HeapProbe implements AutoCloseable {
    private final Thread sampler;
    private final long baseline;
    private volatile long peak;
    private volatile boolean running = true;

    private HeapProbe() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        baseline = usedAfterGc();
        peak = baseline;
        sampler = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, used());
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-probe");
        sampler.setDaemon(true);
        sampler.start();
    }

    public static HeapProbe start() {
        return new HeapProbe();
    }

    /** Highest used heap seen since start, in MB (garbage not yet collected included). */
    public double peakMb() {
        return mb(Math.max(peak, used()));
    }

    /** Heap still reachable now beyond the baseline, in MB: collects garbage first. */
    public double retainedMb() {
        return mb(usedAfterGc() - baseline);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long usedAfterGc() {
        System.gc();
        System.gc();
        return used();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
