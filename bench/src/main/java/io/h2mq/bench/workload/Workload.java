package io.h2mq.bench.workload;

import java.util.List;
import java.util.Map;

import io.h2mq.bench.Env;
import io.h2mq.bench.Metric;

/**
 * One measured pattern of use through the plain {@code jakarta.jms} API. The harness runs it twice per provider,
 * each time on a destination nobody has used: a short warm-up (discarded), then the measured run.
 */
public interface Workload {
    /** Row prefix in the table, e.g. "queue 1→1 persistent". */
    String name();

    /** Settings key of the message count ({@code <key>=N} or {@code -Dbench.<key>=N}). */
    String key();

    /** Messages (or requests) of a measured run at {@code scale=1}. */
    int defaultCount();

    /** The figures {@link #run} returns, in table order. */
    List<Metric> metrics();

    /** Runs the workload on a fresh destination named {@code destination} with {@code count} messages. */
    Map<Metric, Double> run(Env env, String destination, int count) throws Exception;
}
