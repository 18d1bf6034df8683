package io.h2mq.management;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.jms.JMSException;

/**
 * The statistics of a source, read again only when the last reading is older than a maximum age: MBean attributes
 * and meters read a store's figures one at a time, and each would otherwise cost a round of queries.
 *
 * <p>Thread-safe: readers that find the reading stale wait for one of them to read it again. Listeners hear each new
 * reading (the MBeans registry follows destinations appearing and going with them).
 */
public final class CachedStatistics implements StatisticsSource, AutoCloseable {
    /** The age after which a reading is read again by default. */
    public static final Duration FRESH = Duration.ofSeconds(1);

    private final StatisticsSource source;
    private final long maxAgeNanos;
    private final List<Consumer<List<DestinationStatistics>>> listeners = new CopyOnWriteArrayList<>();
    private List<DestinationStatistics> reading;
    private long readAtNanos;

    public CachedStatistics(StatisticsSource source, Duration maxAge) {
        this.source = source;
        this.maxAgeNanos = maxAge.toNanos();
    }

    @Override
    public List<DestinationStatistics> statistics() throws JMSException {
        List<DestinationStatistics> fresh;
        synchronized (this) {
            if (reading != null && System.nanoTime() - readAtNanos < maxAgeNanos) {
                return reading;
            }
            fresh = source.statistics();
            reading = fresh;
            readAtNanos = System.nanoTime();
        }
        listeners.forEach(l -> l.accept(fresh));
        return fresh;
    }

    /** The next {@link #statistics()} reads the source again (after an operation changed the figures). */
    public synchronized void invalidate() {
        reading = null;
    }

    /** Hears each new reading, on the thread that read it. */
    public void addListener(Consumer<List<DestinationStatistics>> listener) {
        listeners.add(listener);
    }

    @Override
    public long storeTimeMillis() {
        return source.storeTimeMillis();
    }

    @Override
    public String storeId() {
        return source.storeId();
    }

    @Override
    public void close() {
        listeners.clear();
    }
}
