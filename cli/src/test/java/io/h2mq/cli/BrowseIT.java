package io.h2mq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowseIT {
    @TempDir
    Path dir;

    @Test
    void browseShowsMessagesInDeliveryOrderWithoutConsumingThem() throws Exception {
        Launcher h2mq = new Launcher(dir);
        h2mq.run("send", "orders", "--count", "3", "--property", "kind=small");
        h2mq.run("send", "orders", "--text", "urgent", "--priority", "9", "--ttl", "1h", "--property", "kind=big");

        Launcher.Result all = h2mq.run("browse", "orders");
        assertEquals(0, all.exitCode(), all.all());
        assertTrue(all.out().indexOf("\"urgent\"") < all.out().indexOf("\"message 1 of 3\""), all.out());
        assertTrue(all.out().endsWith("4 messages in queue orders\n"), all.out());

        Launcher.Result big = h2mq.run("browse", "orders", "--selector", "kind = 'big'");
        assertTrue(big.out().contains("expiration     20"), big.out());
        assertTrue(big.out().endsWith("1 message in queue orders matching kind = 'big'\n"), big.out());

        Launcher.Result limited = h2mq.run("browse", "orders", "--limit", "2");
        assertTrue(limited.out().endsWith("2 messages in queue orders (--limit reached)\n"), limited.out());

        Launcher.Result again = h2mq.run("browse", "orders");
        assertTrue(again.out().endsWith("4 messages in queue orders\n"), again.out());
    }
}
