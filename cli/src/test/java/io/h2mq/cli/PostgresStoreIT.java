package io.h2mq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import io.h2mq.testing.PostgresServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar carries the PostgreSQL driver: the tool works on a PostgreSQL store as on an H2 file. */
class PostgresStoreIT {
    @TempDir
    Path dir;

    @Test
    void sendStatAndReceiveWorkOnAPostgresqlStore() throws Exception {
        String url = PostgresServer.shared().newDatabaseUrl();
        Launcher h2mq = new Launcher(dir);

        Launcher.Result sent = h2mq.runExactly(Launcher.SCRIPT, Map.of(), null,
                "send", "orders", "--count", "5", "--batch", "5", "--url", url);
        assertEquals(0, sent.exitCode(), sent.all());

        Launcher.Result stat = h2mq.runExactly(Launcher.SCRIPT, Map.of(), null, "stat", "--url", url);
        assertEquals(0, stat.exitCode(), stat.all());
        assertTrue(stat.out().matches("(?s).*\nqueue +orders +- +5 +0 +0 +\\d+s(\n.*)?"), stat.out());

        Launcher.Result received = h2mq.runExactly(Launcher.SCRIPT, Map.of(), null,
                "receive", "orders", "--timeout", "500ms", "--url", url);
        assertTrue(received.out().startsWith("received 5 messages from queue orders in "), received.all());
    }
}
