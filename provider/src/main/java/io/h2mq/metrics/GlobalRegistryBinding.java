package io.h2mq.metrics;

import io.h2mq.management.StatisticsSource;

import io.micrometer.core.instrument.Metrics;

/**
 * Binds an engine's meters to Micrometer's global registry (option {@code metrics=true}) until the engine stops.
 * Loaded only when that option is set, so the provider runs without Micrometer otherwise.
 */
public final class GlobalRegistryBinding {
    private GlobalRegistryBinding() {
    }

    /** @return what removes the meters from the registry again */
    public static AutoCloseable bind(StatisticsSource statistics) {
        H2mqMetrics metrics = new H2mqMetrics(statistics);
        metrics.bindTo(Metrics.globalRegistry);
        return metrics;
    }
}
