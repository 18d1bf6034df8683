package io.h2mq.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.testing.ChildJvm;

/**
 * Runs {@link LargeMessageRoundTrip} in a child JVM limited to a 256 MiB heap: a 100 MiB BytesMessage, written and
 * read in 1 MiB chunks, must come back whole (length and CRC-32), with the heap holding one copy of the body at a
 * time — the live heap with the message written, sent or received exceeds the heap at rest by one body, not two.
 */
class LargeMessageRoundTripTest {
    private static final long SIZE = 100L << 20;
    private static final long HEAP = 256L << 20;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
    void hundredMebibyteMessageRoundTripsInA256MebibyteHeapWithOneCopyOfItsBody() throws Exception {
        List<String> smallHeap = List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
        try (ChildJvm child = ChildJvm.start(dir, smallHeap, LargeMessageRoundTrip.class,
                dir.resolve("store").toString(), Long.toString(SIZE))) {
            List<String> out = child.rest();
            int status = child.awaitExit();
            out.forEach(line -> System.out.println("LargeMessageRoundTrip: " + line));
            assertEquals(0, status, () -> "round trip failed: " + out + "; " + child.describe());
            Map<String, String> result = result(out);
            assertEquals(Long.toString(SIZE), result.get("received"), "received length");
            assertEquals(result.get("sentCrc"), result.get("receivedCrc"), "CRC-32 of the body");
            long peak = Long.parseLong(result.get("peakHeapUsed"));
            assertTrue(peak < HEAP, "peak heap used " + peak);
            long atRest = Long.parseLong(result.get("liveConnected"));
            for (String point : List.of("liveWritten", "liveSent", "liveReceived")) {
                long extra = Long.parseLong(result.get(point)) - atRest;
                assertTrue(extra >= SIZE && extra < SIZE * 3 / 2, point + ": " + extra + " bytes live beyond the "
                        + atRest + " at rest, expected one body of " + SIZE);
            }
            long millis = Long.parseLong(result.get("writeMillis")) + Long.parseLong(result.get("sendMillis"))
                    + Long.parseLong(result.get("receiveMillis"));
            assertTrue(millis < 30_000, "write, send and receive took " + millis + " ms");
        }
    }

    private static Map<String, String> result(List<String> out) {
        String line = out.stream().filter(l -> l.startsWith(LargeMessageRoundTrip.RESULT + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no result line in " + out));
        Map<String, String> values = new HashMap<>();
        for (String pair : line.substring(LargeMessageRoundTrip.RESULT.length() + 1).split(" ")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], kv[1]);
        }
        return values;
    }
}
