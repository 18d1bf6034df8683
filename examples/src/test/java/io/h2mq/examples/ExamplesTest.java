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

    @Test
    void requestReplyMatchesEveryReplyToItsRequest() throws Exception {
        ExampleRun run = ExampleRun.of(workDir, RequestReply.class);

        assertSucceeded(run);
        assertPrinted(run, "request-1: 'question 1' -> 'QUESTION 1' in ");
        assertPrinted(run, "request-5: 'question 5' -> 'QUESTION 5' in ");
        assertPrinted(run, "5 of 5 requests answered and matched by correlation id");
    }

    @Test
    void transactedTransferMovesTheMessageOnlyWhenCommitted() throws Exception {
        ExampleRun run = ExampleRun.of(workDir, TransactedTransfer.class);

        assertSucceeded(run);
        assertPrinted(run, "received 'payment 42' (redelivered=false, delivery count 1) and sent it to the outbox");
        assertPrinted(run, "rolled back: inbox 1, outbox 0");
        assertPrinted(run, "received 'payment 42' (redelivered=true, delivery count 2) and sent it to the outbox");
        assertPrinted(run, "committed: inbox 0, outbox 1");
        assertPrinted(run, "received from the outbox: 'payment 42'");
    }

    @Test
    void durableCatchUpReceivesExactlyWhatItMissedAcrossAnEngineRestart() throws Exception {
        ExampleRun run = ExampleRun.of(workDir, DurableCatchUp.class);

        assertSucceeded(run);
        assertPrinted(run, "received while subscribed: [news 1, news 2, news 3]");
        assertPrinted(run, "subscriber gone, every connection closed: the engine stopped");
        assertPrinted(run, "published news 4 to 6");
        assertPrinted(run, "caught up with: [news 4, news 5, news 6]");
        assertPrinted(run, "nothing more waiting; subscription removed");
    }

    @Test
    void durableCatchUpReceivesExactlyWhatItMissedAcrossAJvmRestart() throws Exception {
        ExampleRun away = ExampleRun.of(workDir, DurableCatchUp.class, "-Dphase=away");
        ExampleRun back = ExampleRun.of(workDir, DurableCatchUp.class, "-Dphase=back");

        assertSucceeded(away);
        assertPrinted(away, "received while subscribed: [news 1, news 2, news 3]");
        assertPrinted(away, "published news 4 to 6");
        assertSucceeded(back);
        assertPrinted(back, "caught up with: [news 4, news 5, news 6]");
        assertPrinted(back, "nothing more waiting; subscription removed");
    }

    @Test
    void deliveryDelayDeliversByDeliveryTimeAndNeverEarly() throws Exception {
        ExampleRun run = ExampleRun.of(workDir, DeliveryDelay.class);

        assertSucceeded(run);
        assertPrinted(run, "received 'in 500 ms' after ");
        assertPrinted(run, "arrival order by delay: [500, 1000, 1500]");
    }

    private static void assertSucceeded(ExampleRun run) {
        assertEquals(0, run.exitStatus(), run::toString);
    }

    private static void assertPrinted(ExampleRun run, String text) {
        assertTrue(run.output().contains(text), () -> "expected \"" + text + "\" in " + run);
    }
}
