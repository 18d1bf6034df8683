package io.h2mq.bench.workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import io.h2mq.bench.Env;
import io.h2mq.bench.HeapProbe;
import io.h2mq.bench.Metric;

/**
 * A consumer that is far behind: N PERSISTENT messages are sent to a queue nobody reads, then drained by one
 * consumer. Sends and receives go through transacted sessions, {@code batch} per commit (default 100, setting
 * {@code backlog.batch}; 1-message durable sends would make the send phase measure the disk, not the backlog, and
 * take an hour on some peers). Reports the time of each phase; the peak heap used over the whole workload (sampled
 * every 10 ms, heap pool peaks reset and garbage collected before it starts; with a large heap this is mostly
 * young-generation garbage, so it follows the allocation rate and the GC's sizing); the peak heap left after any
 * collection during the workload; and the heap still held, after a full collection, when the whole backlog is
 * waiting: what a backlog costs in memory.
 */
public final class Backlog implements Workload {
    private final int batch;
    private final Metric sendTime = Metric.lowerIsBetter("send all", "s");
    private final Metric drainTime = Metric.lowerIsBetter("drain all", "s");
    private final Metric peakHeap = Metric.lowerIsBetter("peak heap used", "MB");
    private final Metric peakAfterGc = Metric.lowerIsBetter("peak heap after GC", "MB");
    private final Metric heldHeap = Metric.lowerIsBetter("heap held by full backlog", "MB");

    public Backlog(int batch) {
        this.batch = batch;
    }

    @Override
    public String name() {
        return "7. backlog, " + batch + " per commit";
    }

    @Override
    public String key() {
        return "backlog";
    }

    @Override
    public int defaultCount() {
        return 200_000;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(sendTime, drainTime, peakHeap, peakAfterGc, heldHeap);
    }

    @Override
    public Map<Metric, Double> run(Env env, String destination, int count) throws Exception {
        Map<Metric, Double> result = new LinkedHashMap<>();
        try (HeapProbe heap = HeapProbe.start(); Connection connection = env.factory().createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = session.createQueue(destination);

            long t0 = System.nanoTime();
            try (MessageProducer producer = session.createProducer(queue)) {
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                Traffic.send(env, session, producer, count, batch);
            }
            long t1 = System.nanoTime();
            result.put(heldHeap, heap.retainedMb());
            long t2 = System.nanoTime();
            try (MessageConsumer consumer = session.createConsumer(queue)) {
                Traffic.receive(env, session, consumer, count, batch, name());
            }
            long t3 = System.nanoTime();
            result.put(sendTime, Traffic.seconds(t1 - t0));
            result.put(drainTime, Traffic.seconds(t3 - t2));
            result.put(peakHeap, heap.peakMb());
            result.put(peakAfterGc, heap.peakAfterGcMb());
        }
        return result;
    }
}
