package io.h2mq.examples.spring;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.jms.annotation.JmsListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Receives orders through a {@code @JmsListener}, that is on the thread of a {@code DefaultMessageListenerContainer},
 * and counts those of this run's batch, each once. Orders of an earlier run (left on the durable queue by a run
 * that stopped half-way) are consumed and reported, not counted.
 */
@Component
public final class OrderReceiver {
    private final OrderBatch batch;
    private final Set<String> received = ConcurrentHashMap.newKeySet();
    private final CountDownLatch allReceived;

    OrderReceiver(OrderBatch batch) {
        this.batch = batch;
        this.allReceived = new CountDownLatch(batch.size());
    }

    @JmsListener(destination = "${example.queue}")
    public void onOrder(String order, @Header(name = OrderBatch.PROPERTY, required = false) String batchId) {
        if (!batch.id().equals(batchId)) {
            System.out.println("skipped '" + order + "' of an earlier run");
        } else if (received.add(order)) {
            System.out.println("received '" + order + "' on " + Thread.currentThread().getName());
            allReceived.countDown();
        } else {
            System.out.println("received '" + order + "' again");
        }
    }

    /** Waits until every order of the batch has arrived; false when the time ran out first. */
    boolean awaitAll(Duration timeout) throws InterruptedException {
        return allReceived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int received() {
        return received.size();
    }
}
