package io.h2mq.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.testing.TestStores;
import io.h2mq.H2mqConnectionFactory;
import io.h2mq.H2mqOptions;

import jakarta.jms.Connection;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

@Timeout(30)
class DurabilityOptionTest {
    @TempDir
    Path dir;

    @Test
    void powerLossDurabilityStillSendsAndReceives() throws Exception {
        H2mqOptions options = new H2mqOptions();
        options.setUrl(TestStores.url(dir));
        options.setDurability("power_loss");
        assertEquals("POWER_LOSS", options.getDurability());
        try (Connection connection = new H2mqConnectionFactory(options).createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = session.createQueue("forced");
            session.createProducer(queue).send(session.createTextMessage("on the device"));
            session.commit();
            connection.start();
            assertEquals("on the device", ((TextMessage) session.createConsumer(queue).receive(5000)).getText());
            session.commit();
        }
    }

    @Test
    void unknownDurabilityIsRefusedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new H2mqOptions().setDurability("sometimes"));
        assertEquals("h2mq option 'durability' must be PROCESS_CRASH or POWER_LOSS, got 'sometimes'", e.getMessage());
    }
}
