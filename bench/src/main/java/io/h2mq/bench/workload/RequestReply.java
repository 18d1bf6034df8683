package io.h2mq.bench.workload;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;

import io.h2mq.bench.Env;
import io.h2mq.bench.Metric;

/**
 * Request-reply: one requester sends a PERSISTENT request (JMSReplyTo = its temporary queue) and waits for the
 * reply before sending the next; one replier, a MessageListener on its own connection, answers each with a
 * PERSISTENT reply carrying the request's message ID as correlation ID. The figures are percentiles of the round
 * trip (send of the request to receipt of the reply) over N requests: two durable sends, two deliveries.
 */
public final class RequestReply implements Workload {
    private final Metric p50 = Metric.lowerIsBetter("round trip p50", "ms");
    private final Metric p99 = Metric.lowerIsBetter("round trip p99", "ms");
    private final Metric p999 = Metric.lowerIsBetter("round trip p99.9", "ms");

    @Override
    public String name() {
        return "5. request-reply, temporary queue";
    }

    @Override
    public String key() {
        return "requests";
    }

    @Override
    public int defaultCount() {
        return 1_000;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(p50, p99, p999);
    }

    @Override
    public Map<Metric, Double> run(Env env, String destination, int count) throws Exception {
        AtomicReference<Exception> replierFailure = new AtomicReference<>();
        try (Connection replierConnection = env.factory().createConnection();
                Connection requesterConnection = env.factory().createConnection()) {
            Session replierSession = replierConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer replies = replierSession.createProducer(null);
            replies.setDeliveryMode(DeliveryMode.PERSISTENT);
            replierSession.createConsumer(replierSession.createQueue(destination)).setMessageListener(request -> {
                try {
                    Message reply = env.message(replierSession);
                    reply.setJMSCorrelationID(request.getJMSMessageID());
                    replies.send(request.getJMSReplyTo(), reply);
                } catch (Exception e) {
                    replierFailure.compareAndSet(null, e);
                }
            });
            replierConnection.start();

            Session session = requesterConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replyQueue = session.createTemporaryQueue();
            MessageConsumer replyConsumer = session.createConsumer(replyQueue);
            MessageProducer requests = session.createProducer(session.createQueue(destination));
            requests.setDeliveryMode(DeliveryMode.PERSISTENT);
            requesterConnection.start();

            long[] nanos = new long[count];
            for (int i = 0; i < count; i++) {
                Message request = env.message(session);
                request.setJMSReplyTo(replyQueue);
                long t0 = System.nanoTime();
                requests.send(request);
                Message reply = replyConsumer.receive(env.config().receiveTimeoutMillis());
                nanos[i] = System.nanoTime() - t0;
                if (reply == null) {
                    throw new IllegalStateException(name() + ": no reply to request " + i
                            + (replierFailure.get() == null ? "" : ", replier failed: " + replierFailure.get()));
                }
                if (!request.getJMSMessageID().equals(reply.getJMSCorrelationID())) {
                    throw new IllegalStateException(name() + ": reply to another request at " + i);
                }
            }
            Arrays.sort(nanos);
            Map<Metric, Double> result = new LinkedHashMap<>();
            result.put(p50, Traffic.millis(percentile(nanos, 0.50)));
            result.put(p99, Traffic.millis(percentile(nanos, 0.99)));
            result.put(p999, Traffic.millis(percentile(nanos, 0.999)));
            return result;
        }
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }
}
