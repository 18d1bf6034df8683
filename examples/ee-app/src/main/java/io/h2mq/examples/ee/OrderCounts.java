package io.h2mq.examples.ee;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;

/**
 * What this server has sent and received since the application started, for {@code GET /orders}. Kept in memory:
 * the counts restart with the application, while the messages themselves are in the h2mq store.
 *
 * <p>Atomic counters instead of the container's lock, so the message-driven bean's concurrent sessions never wait
 * on each other here.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OrderCounts {
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong redelivered = new AtomicLong();

    /** Called after a send's transaction committed. */
    public void sent(int count) {
        sent.addAndGet(count);
    }

    /** Called for every delivery to the message-driven bean; {@code again} is the message's JMSRedelivered. */
    public void received(boolean again) {
        received.incrementAndGet();
        if (again) {
            redelivered.incrementAndGet();
        }
    }

    /** One line, for example {@code sent=1000 received=1000 redelivered=0}. */
    public String report() {
        return "sent=" + sent.get() + " received=" + received.get() + " redelivered=" + redelivered.get();
    }
}
