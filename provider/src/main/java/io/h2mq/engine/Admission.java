package io.h2mq.engine;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.h2mq.H2mqDestination;
import io.h2mq.store.Depth;
import io.h2mq.store.NewMessage;
import io.h2mq.store.StoreException;
import io.h2mq.store.WriteBatch;

import jakarta.jms.JMSException;
import jakarta.jms.ResourceAllocationException;

/**
 * Applies a destination's limits to a send before anything is stored: the message must not be larger than the
 * destination's maximum message size, and each endpoint it would go to must have room (its depth is one key look-up
 * in the store), otherwise the overflow policy decides — wait for room, fail, drop the new message, or drop the
 * oldest. Destinations without a depth limit cost nothing here.
 *
 * <p>A blocked producer is woken by acknowledgements in this JVM; room freed by another process is seen at the next
 * re-check, every {@value #RECHECK_MILLIS} ms at most.
 */
final class Admission {
    static final long RECHECK_MILLIS = 250;
    private static final System.Logger LOG = System.getLogger(Admission.class.getName());

    private final Broker broker;
    private final Map<String, AtomicLong> dropped = new ConcurrentHashMap<>();

    Admission(Broker broker) {
        this.broker = broker;
    }

    /**
     * Refuses a message larger than the destination's maxMessageSize.
     *
     * @param size the encoded message: head and any body stored apart
     */
    void checkSize(H2mqDestination destination, long size) throws ResourceAllocationException {
        long max = broker.policies().maxMessageSizeOf(destination.name());
        if (size > max) {
            throw new ResourceAllocationException("a message of " + size + " bytes cannot be sent to "
                    + (destination.isQueue() ? "queue '" : "topic '") + destination.name() + "': it is larger than "
                    + "maxMessageSize " + max + " bytes; nothing was stored");
        }
    }

    List<NewMessage.Target> admit(String destination, boolean queue, List<NewMessage.Target> targets, long size)
            throws JMSException {
        OverflowPolicy policy = broker.policies().overflowOf(destination);
        if (!policy.limited()) {
            return targets;
        }
        List<NewMessage.Target> admitted = new ArrayList<>(targets.size());
        for (NewMessage.Target target : targets) {
            if (fits(target.endpointId(), policy, size)) {
                admitted.add(target);
                continue;
            }
            String what = queue ? "queue '" + destination + "'"
                    : "a subscription of topic '" + destination + "'";
            switch (policy.action()) {
                case FAIL -> throw full(what, target.endpointId(), policy);
                case BLOCK -> {
                    awaitRoom(what, target.endpointId(), policy, size);
                    admitted.add(target);
                }
                case DROP_NEW -> countDrop(what, "the new message");
                case DROP_OLD -> {
                    broker.write(new WriteBatch().dropHead(target.endpointId(), 1));
                    countDrop(what, "the oldest message");
                    admitted.add(target);
                }
            }
        }
        return admitted;
    }

    private boolean fits(long endpointId, OverflowPolicy policy, long size) throws JMSException {
        Depth depth = depth(endpointId);
        return !policy.full(depth.messages(), depth.bytes(), size);
    }

    private Depth depth(long endpointId) throws JMSException {
        try {
            return broker.store().depthOf(endpointId);
        } catch (StoreException e) {
            throw JmsErrors.store("reading the depth of endpoint " + endpointId, e);
        }
    }

    private void awaitRoom(String what, long endpointId, OverflowPolicy policy, long size) throws JMSException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(policy.blockTimeoutMillis());
        Signal room = broker.roomSignal(endpointId);
        while (true) {
            long seen = room.version();
            if (fits(endpointId, policy, size)) {
                return;
            }
            long now = System.nanoTime();
            if (now >= deadline) {
                throw JmsErrors.withCause(full(what, endpointId, policy), null);
            }
            try {
                room.awaitChange(seen, Math.min(deadline, now + TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw JmsErrors.withCause(new JMSException("interrupted while waiting for room in " + what), e);
            }
        }
    }

    private ResourceAllocationException full(String what, long endpointId, OverflowPolicy policy)
            throws JMSException {
        Depth depth = depth(endpointId);
        return new ResourceAllocationException(what + " is full: " + depth.messages() + " messages of maxDepth "
                + (policy.maxMessages() == 0 ? "unlimited" : policy.maxMessages()) + ", " + depth.bytes()
                + " bytes of maxDepthBytes " + (policy.maxBytes() == 0 ? "unlimited" : policy.maxBytes())
                + (policy.action() == OverflowPolicy.Action.BLOCK
                        ? " (no room within blockTimeout " + policy.blockTimeoutMillis() + " ms)" : ""));
    }

    private void countDrop(String what, String which) {
        long n = dropped.computeIfAbsent(what, w -> new AtomicLong()).incrementAndGet();
        if (n == 1 || n % 1000 == 0) {
            LOG.log(Level.WARNING, "h2mq {0} is full: dropped {1} ({2} dropped so far)", what, which, n);
        }
    }
}
