package io.h2mq.examples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the application as a user would: its {@code main} in a JVM of its own, on the embedded default store in a
 * fresh temporary working directory.
 */
class OrdersApplicationTest {
    @TempDir
    Path workDir;

    @Test
    void everyOrderSentWithJmsTemplateReachesTheJmsListenerOnce() throws Exception {
        ApplicationRun run = ApplicationRun.of(workDir, OrdersApplication.class);

        assertEquals(0, run.exitStatus(), run::toString);
        assertTrue(run.output().contains("sent 10 orders to the queue spring-orders with JmsTemplate"), run::toString);
        for (int i = 1; i <= 10; i++) {
            assertTrue(run.output().contains("received 'order " + i + "' on org.springframework.jms."), run::toString);
        }
        assertTrue(run.output().contains("all 10 of 10 orders received"), run::toString);
        assertTrue(workDir.resolve("h2mq-data/h2mq.mv.db").toFile().isFile(), "the store is in the working directory");
    }
}
