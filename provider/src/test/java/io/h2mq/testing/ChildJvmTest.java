package io.h2mq.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash tests trust {@link ChildJvm#killHard()} to return every line the child printed before it died: a line
 * it missed is a JMS call whose result the test never hears of (a commit that returned, an acknowledgement), and the
 * test then wrongly expects the store to have undone it. {@code Process.destroyForcibly()} closes the child's stdout
 * right after the signal and so dropped whatever the reader thread had not yet taken from the pipe; under load that
 * made {@code Kill9CrashTest} report a committed transaction as lost messages.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class ChildJvmTest {
    @TempDir
    Path dir;

    /**
     * Prints numbered lines as fast as it can, each flushed to stdout and then recorded in a side file, until it is
     * killed: every number in the side file was written to stdout before the kill.
     */
    public static final class Printer {
        private Printer() {
        }

        public static void main(String[] args) throws IOException {
            PrintStream out = System.out;
            String padding = "x".repeat(2000);
            try (FileOutputStream side = new FileOutputStream(args[0], true)) {
                for (int n = 0; ; n++) {
                    out.println("line " + n + " " + padding);
                    out.flush();
                    side.write((n + "\n").getBytes(StandardCharsets.US_ASCII));
                }
            }
        }
    }

    @Test
    void killHardReturnsEveryLineTheChildPrintedBeforeItDied() throws Exception {
        Path side = dir.resolve("printed");
        try (ChildJvm child = ChildJvm.start(dir, List.of("-Xmx32m"), Printer.class, side.toString())) {
            List<String> lines = new ArrayList<>();
            while (lines.size() < 2000) {
                String line = child.nextLine();
                assertNotNull(line, child::describe);
                lines.add(line);
            }
            // Kill it mid-stream, while it writes faster than the reader thread decodes: the pipe holds lines the
            // child printed and the parent has not read yet (almost always; a reader that kept up proves nothing, and
            // never fails this test).
            lines.addAll(child.killHard());

            List<String> printed = Files.readAllLines(side);
            assertTrue(printed.size() > 1000, () -> "printed only " + printed.size());
            assertTrue(lines.size() >= printed.size(), () -> "the child printed " + printed.size()
                    + " lines before it died (its side file says), killHard returned only " + lines.size());
            for (int n = 0; n < lines.size(); n++) {
                assertEquals("line " + n, lines.get(n).substring(0, lines.get(n).lastIndexOf(' ')));
            }
        }
    }
}
