package io.h2mq.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.testing.TestStores;
import io.h2mq.H2mqQueue;
import io.h2mq.message.H2mqMessage;
import io.h2mq.message.MessageCodec;
import io.h2mq.selector.MessageSelector;
import io.h2mq.store.NewMessage;
import io.h2mq.store.StoreSettings;
import io.h2mq.store.WriteBatch;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;

/**
 * Delivery delay as the engine sees it, with time moved by the test: an entry whose JMSDeliveryTime lies ahead is
 * invisible to a reader until the clock reaches that time, and visible from that exact millisecond.
 */
@Timeout(30)
class DeliveryDelayTest {
    private static final int PREFETCH = io.h2mq.H2mqOptions.DEFAULT_PREFETCH;

    private static final long START = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(START);
    private Broker broker;

    @BeforeEach
    void startBroker() throws JMSException {
        String url = TestStores.url(dir);
        broker = Brokers.acquire(new StoreSettings(url, null, null, 4), clock);
    }

    @AfterEach
    void releaseBroker() {
        Brokers.release(broker);
    }

    /** Stamps, routes and writes one message to {@code queue}, as a producer with the given delay would. */
    private void sendDelayed(H2mqQueue queue, String id, long delayMillis) throws JMSException {
        H2mqMessage message = new H2mqMessage();
        long now = clock.millis();
        message.setJMSMessageID(id);
        message.setJMSDestination(queue);
        message.setJMSDeliveryMode(DeliveryMode.PERSISTENT);
        message.setJMSPriority(4);
        message.setJMSTimestamp(now);
        message.setJMSExpiration(0);
        message.setJMSDeliveryTime(now + delayMillis);
        byte[] body = MessageCodec.encode(message).head();
        List<NewMessage.Target> targets = broker.route(queue, message, body.length, "test-connection");
        broker.write(new WriteBatch().send(new NewMessage(body, targets)));
    }

    @Test
    void delayedMessageIsInvisibleBeforeItsDeliveryTimeAndVisibleAtIt() throws JMSException {
        H2mqQueue queue = new H2mqQueue("delayed");
        long endpoint = broker.queueEndpoint(queue);
        sendDelayed(queue, "ID:delayed-1", 2_000);
        EndpointReader reader = broker.reader(endpoint, MessageSelector.ALL, PREFETCH);

        assertNull(reader.poll(), "visible at once");
        clock.advance(1_900);
        assertNull(reader.poll(), "visible 100 ms before its delivery time");
        clock.advance(99);
        assertNull(reader.poll(), "visible 1 ms before its delivery time");
        clock.advance(1);
        Delivery delivery = reader.poll();
        assertNotNull(delivery, "not visible at its delivery time");
        assertEquals("ID:delayed-1", delivery.message().getJMSMessageID());
        assertEquals(START + 2_000, delivery.message().getJMSDeliveryTime());
    }

    @Test
    void messageWithoutDelayOvertakesAnEarlierDelayedOne() throws JMSException {
        H2mqQueue queue = new H2mqQueue("mixed");
        long endpoint = broker.queueEndpoint(queue);
        sendDelayed(queue, "ID:late", 2_000);
        sendDelayed(queue, "ID:now", 0);
        EndpointReader reader = broker.reader(endpoint, MessageSelector.ALL, PREFETCH);

        assertEquals("ID:now", reader.poll().message().getJMSMessageID());
        assertNull(reader.poll());
        clock.advance(2_000);
        assertEquals("ID:late", reader.poll().message().getJMSMessageID());
    }
}
