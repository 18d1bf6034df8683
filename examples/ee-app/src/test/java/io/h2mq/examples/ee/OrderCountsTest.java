package io.h2mq.examples.ee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OrderCountsTest {

    @Test
    void reportsSentReceivedAndRedelivered() {
        OrderCounts counts = new OrderCounts();
        assertEquals("sent=0 received=0 redelivered=0", counts.report());

        counts.sent(3);
        counts.received(false);
        counts.received(true);
        counts.received(false);

        assertEquals("sent=3 received=3 redelivered=1", counts.report());
    }
}
