package io.h2mq.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Heap use during one workload. {@link #start()} collects garbage, resets every heap pool's peak and takes the
 * baseline; a daemon thread then samples the heap's used bytes every 10 ms, and a GC listener records the heap
 * left after each collection. Everything runs in one JVM, so the figures include whatever the provider (client and,
 * for the peers, the embedded broker) holds.
 */
public final class HeapProbe implements AutoCloseable {
    private final Thread sampler;
    private final long baseline;
    private final Set<String> heapPools;
    private final List<NotificationEmitter> collectors = new ArrayList<>();
    private final NotificationListener afterGc = this::onGc;
    private volatile long peak;
    private volatile long peakAfterGc;
    private volatile boolean running = true;

    private HeapProbe() {
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
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
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(afterGc, null, null);
                collectors.add(emitter);
            }
        }
    }

    private void onGc(Notification n, Object handback) {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                    .from((CompositeData) n.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                    .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
            peakAfterGc = Math.max(peakAfterGc, used);
        }
    }

    public static HeapProbe start() {
        return new HeapProbe();
    }

    /** Highest used heap seen since start, in MB (garbage not yet collected included). */
    public double peakMb() {
        return mb(Math.max(peak, used()));
    }

    /**
     * Highest heap left after any collection since start, in MB: close to the most the workload ever kept (a young
     * collection leaves old garbage in place, so an upper bound).
     */
    public double peakAfterGcMb() {
        return mb(peakAfterGc);
    }

    /** Heap still reachable now beyond the baseline, in MB: collects garbage first. */
    public double retainedMb() {
        return mb(usedAfterGc() - baseline);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        for (NotificationEmitter emitter : collectors) {
            try {
                emitter.removeNotificationListener(afterGc);
            } catch (ListenerNotFoundException e) {
                // already gone
            }
        }
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
