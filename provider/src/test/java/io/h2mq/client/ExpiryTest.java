package io.h2mq.client;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.H2mqConnectionFactory;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/** End to end with real time: a consumer that waits past a message's expiry is woken then, and does not get it. */
@Timeout(30)
class ExpiryTest {
    @TempDir
    Path dir;

    @Test
    void messageThatExpiresBeforeItsConsumerStartsIsNeverDelivered() throws Exception {
        H2mqConnectionFactory factory = StoreFixture.factory(dir);
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("short");
            session.createProducer(queue).send(session.createTextMessage("late"), DeliveryMode.PERSISTENT, 4, 100);
            MessageConsumer consumer = session.createConsumer(queue);
            // The connection is not started yet: this receive waits past the expiry without claiming anything.
            assertNull(consumer.receive(300));
            connection.start();
            assertNull(consumer.receive(300), "an expired message is never delivered");
            session.createProducer(queue).send(session.createTextMessage("fresh"));
            assertNotNull(consumer.receive(5000), "the queue still works after the sweep");
        }
    }
}
