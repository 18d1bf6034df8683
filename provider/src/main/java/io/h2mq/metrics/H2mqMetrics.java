package io.h2mq.metrics;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.h2mq.management.CachedStatistics;
import io.h2mq.management.DestinationStatistics;
import io.h2mq.management.StatisticsSource;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import jakarta.jms.JMSException;

/**
 * The figures of a store's queues and subscriptions as Micrometer meters, tagged {@code store}, {@code kind}
 * ({@code queue} or {@code subscription}), {@code destination} (queue or topic name) and {@code subscription}
 * (empty for a queue; {@code clientId:name} for a durable subscription with a client ID).
 *
 * <p>Gauges {@code h2mq.destinations} (tagged {@code store} only), {@code h2mq.depth}, {@code h2mq.depth.bytes},
 * {@code h2mq.in.flight}, {@code h2mq.consumers}, {@code h2mq.oldest.message.age}; function counters
 * {@code h2mq.enqueued}, {@code h2mq.acknowledged}, {@code h2mq.expired}, {@code h2mq.dead.lettered}. All read one cached reading of the statistics (taken again at
 * most once a second), so a scrape costs one round of store queries. Destinations that appear later get their meters
 * at the first reading that shows them; those that go lose theirs.
 *
 * <p>Bind it yourself (Spring Boot: a {@code MeterBinder} bean over a {@link io.h2mq.management.StoreAdmin}), or set
 * the option {@code metrics=true} and the engine binds one to {@code Metrics.globalRegistry} while it runs.
 * {@link #close()} removes its meters from every registry it was bound to.
 */
public final class H2mqMetrics implements MeterBinder, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(H2mqMetrics.class.getName());

    private final CachedStatistics statistics;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    /** The meters of each destination in each registry bound, by the destination's tags. */
    private final Map<MeterRegistry, Map<Tags, List<Meter>>> meters = new HashMap<>();

    public H2mqMetrics(StatisticsSource source) {
        this.statistics = source instanceof CachedStatistics cached ? cached
                : new CachedStatistics(source, CachedStatistics.FRESH);
        statistics.addListener(this::follow);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        registries.add(registry);
        // Also what reads the statistics when the store has no destination yet, so that the first one gets meters.
        Gauge.builder("h2mq.destinations", this, m -> m.destinations()).tag("store", statistics.storeId())
                .description("queues and topic subscriptions in the store").baseUnit("destinations")
                .strongReference(true).register(registry);
        try {
            follow(registry, statistics.statistics());
        } catch (JMSException e) {
            // Bound anyway: the meters of the destinations come with the first reading that succeeds.
            LOG.log(Level.WARNING, "h2mq could not read the statistics of " + statistics.storeId()
                    + " to bind its meters", e);
        }
    }

    private void follow(List<DestinationStatistics> reading) {
        registries.forEach(registry -> follow(registry, reading));
    }

    private synchronized void follow(MeterRegistry registry, List<DestinationStatistics> reading) {
        Map<Tags, List<Meter>> bound = meters.computeIfAbsent(registry, r -> new HashMap<>());
        Set<Tags> present = new HashSet<>();
        for (DestinationStatistics s : reading) {
            Tags tags = tags(s);
            present.add(tags);
            bound.computeIfAbsent(tags, t -> register(registry, t));
        }
        for (Tags gone : Set.copyOf(bound.keySet())) {
            if (!present.contains(gone)) {
                bound.remove(gone).forEach(registry::remove);
            }
        }
    }

    private Tags tags(DestinationStatistics s) {
        String subscription = s.subscription() == null ? ""
                : s.clientId() == null ? s.subscription() : s.clientId() + ":" + s.subscription();
        return Tags.of("store", statistics.storeId(), "kind", s.kind(), "destination", s.destination(),
                "subscription", subscription);
    }

    private List<Meter> register(MeterRegistry registry, Tags tags) {
        List<Meter> made = new ArrayList<>();
        made.add(gauge(registry, "h2mq.depth", tags, "messages waiting, in delivery or held",
                DestinationStatistics::depth, "messages"));
        made.add(gauge(registry, "h2mq.depth.bytes", tags, "encoded size of the messages counted in depth",
                DestinationStatistics::depthBytes, "bytes"));
        made.add(gauge(registry, "h2mq.in.flight", tags, "messages claimed by a consumer, not yet acknowledged",
                DestinationStatistics::inFlight, "messages"));
        made.add(gauge(registry, "h2mq.consumers", tags, "consumers open, in every live process",
                DestinationStatistics::consumers, "consumers"));
        made.add(TimeGauge.builder("h2mq.oldest.message.age", this, TimeUnit.MILLISECONDS,
                        m -> m.value(tags, statistics::oldestMessageAgeMillis))
                .tags(tags).description("how long the oldest message waiting has waited").register(registry));
        made.add(counter(registry, "h2mq.enqueued", tags, "messages sent or moved here",
                DestinationStatistics::enqueued));
        made.add(counter(registry, "h2mq.acknowledged", tags, "messages consumed",
                DestinationStatistics::acknowledged));
        made.add(counter(registry, "h2mq.expired", tags, "messages dropped or moved away on expiry",
                DestinationStatistics::expired));
        made.add(counter(registry, "h2mq.dead.lettered", tags, "messages moved to a dead-letter queue",
                DestinationStatistics::deadLettered));
        return made;
    }

    private Gauge gauge(MeterRegistry registry, String name, Tags tags, String description,
                        ToDoubleFunction<DestinationStatistics> figure, String unit) {
        return Gauge.builder(name, this, m -> m.value(tags, figure)).tags(tags).description(description)
                .baseUnit(unit).strongReference(true).register(registry);
    }

    private FunctionCounter counter(MeterRegistry registry, String name, Tags tags, String description,
                                    ToDoubleFunction<DestinationStatistics> figure) {
        return FunctionCounter.builder(name, this, m -> m.value(tags, figure)).tags(tags).description(description)
                .baseUnit("messages").register(registry);
    }

    private double destinations() {
        try {
            return statistics.statistics().size();
        } catch (JMSException e) {
            LOG.log(Level.WARNING, "h2mq could not read the statistics of " + statistics.storeId(), e);
            return Double.NaN;
        }
    }

    /** A figure of the destination with these tags in the current reading; NaN when it cannot be read or is gone. */
    private double value(Tags tags, ToDoubleFunction<DestinationStatistics> figure) {
        try {
            for (DestinationStatistics s : statistics.statistics()) {
                if (tags(s).equals(tags)) {
                    return figure.applyAsDouble(s);
                }
            }
            return Double.NaN;
        } catch (JMSException e) {
            LOG.log(Level.WARNING, "h2mq could not read the statistics of " + statistics.storeId(), e);
            return Double.NaN;
        }
    }

    @Override
    public synchronized void close() {
        registries.forEach(r -> r.find("h2mq.destinations").tag("store", statistics.storeId()).meters()
                .forEach(r::remove));
        registries.clear();
        meters.forEach((registry, bound) -> bound.values().forEach(list -> list.forEach(registry::remove)));
        meters.clear();
    }
}
