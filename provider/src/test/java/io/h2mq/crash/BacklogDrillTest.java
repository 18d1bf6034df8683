package io.h2mq.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.testing.ChildJvm;

/**
 * Runs {@link BacklogDrill} in a child JVM limited to a 256 MiB heap: a backlog waits in the database, not in
 * memory, so sending it all and then draining it must neither run out of heap nor lose, reorder or alter a message.
 * The full drill (1,000,000 messages of 1 KiB) is run by hand; see BacklogDrill's usage.
 */
class BacklogDrillTest {
    /** Large enough that a take which sorted the queue instead of walking its index would blow the timeout. */
    private static final int COUNT = 20_000;
    private static final int BODY_SIZE = 1024;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
    void backlogIsDrainedWithinSmallHeap() throws Exception {
        List<String> smallHeap = List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
        try (ChildJvm drill = ChildJvm.start(dir, smallHeap, BacklogDrill.class, dir.resolve("store").toString(),
                Integer.toString(COUNT), Integer.toString(BODY_SIZE))) {
            List<String> out = new ArrayList<>(drill.rest());
            int status = drill.awaitExit();
            out.forEach(line -> System.out.println("BacklogDrill: " + line));
            assertEquals(0, status, () -> "drill failed: " + out + "; " + drill.describe());
            assertTrue(out.stream().anyMatch(l -> l.startsWith("sent " + COUNT + " messages of " + BODY_SIZE)),
                    () -> out + "; " + drill.describe());
            assertTrue(out.stream().anyMatch(l -> l.startsWith("drained " + COUNT + " messages of " + BODY_SIZE)),
                    () -> out + "; " + drill.describe());
        }
    }
}
