package io.h2mq.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every example as a user would, each in a JVM of its own on a fresh store in a temporary working directory,
 * and checks that it ended well (the examples check themselves and exit non-zero when they fail) and printed what
 * it claims.
 */
class ExamplesTest {
    @TempDir
    Path workDir;

    @Test
    void queueLoadBalancingReceivesEveryMessageExactlyOnce() throws Exception {
        ExampleRun run = ExampleRun.of(workDir, QueueLoadBalancing.class);

        assertSucceeded(run);
        assertPrinted(run, "total 300 of 300 sent; received exactly once: 300");
    }

    @Test
    void topicFanOutGivesEverySubscriberEveryMessage() throws Exception {
        ExampleRun run = ExampleRun.of(workDir, TopicFanOut.class);

        assertSucceeded(run);
        for (int s = 1; s <= 3; s++) {
            assertPrinted(run, "subscriber " + s + " received 100 of 100");
        }
    }

    private static void assertSucceeded(ExampleRun run) {
        assertEquals(0, run.exitStatus(), run::toString);
    }

    private static void assertPrinted(ExampleRun run, String text) {
        assertTrue(run.output().contains(text), () -> "expected \"" + text + "\" in " + run);
    }
}
