package io.h2mq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SendReceiveIT {
    @TempDir
    Path dir;

    Launcher h2mq;

    @BeforeEach
    void launcher() {
        h2mq = new Launcher(dir);
    }

    @Test
    void receiveTakesEverySentMessageOnce() throws Exception {
        Launcher.Result sent = h2mq.run("send", "orders", "--count", "20", "--batch", "8");
        assertEquals(0, sent.exitCode(), sent.all());
        assertTrue(sent.out().startsWith("sent 20 messages to queue orders in "), sent.out());

        Launcher.Result received = h2mq.run("receive", "orders", "--timeout", "300ms");
        assertEquals(0, received.exitCode(), received.all());
        assertTrue(received.out().startsWith("received 20 messages from queue orders in "), received.out());

        Launcher.Result again = h2mq.run("receive", "orders", "--timeout", "300ms");
        assertTrue(again.out().startsWith("received 0 messages from queue orders"), again.out());
    }

    @Test
    void receivePrintsHeadersPropertiesAndBody() throws Exception {
        h2mq.run("send", "orders", "--text", "hello\nworld", "--priority", "7", "--non-persistent",
                "--property", "region=eu", "--property", "amount:long=150");

        Launcher.Result received = h2mq.run("receive", "orders", "--print", "--timeout", "300ms");

        assertEquals(0, received.exitCode(), received.all());
        assertTrue(received.out().contains("priority       7"), received.out());
        assertTrue(received.out().contains("delivery mode  NON_PERSISTENT"), received.out());
        assertTrue(received.out().contains("property       region = \"eu\" (String)"), received.out());
        assertTrue(received.out().contains("property       amount = 150 (Long)"), received.out());
        assertTrue(received.out().contains("body           text, 11 chars: \"hello\\nworld\""), received.out());
    }

    @Test
    void receiveWithCountAndSelectorTakesOnlyThoseAndLeavesTheRest() throws Exception {
        h2mq.run("send", "orders", "--count", "4", "--property", "amount:int=50");
        h2mq.run("send", "orders", "--count", "3", "--property", "amount:int=500");

        Launcher.Result big = h2mq.run("receive", "orders", "--selector", "amount > 100", "--count", "2");
        assertTrue(big.out().startsWith("received 2 messages"), big.all());

        Launcher.Result left = h2mq.run("browse", "orders");
        assertTrue(left.out().endsWith("5 messages in queue orders\n"), left.out());
        assertTrue(left.out().contains("redelivered    false"), left.out());
        assertEquals(5, left.out().split("amount = ", -1).length - 1, left.out());
    }

    @Test
    void sendWithSizeOrFileSendsBytesMessages() throws Exception {
        Path file = Files.write(dir.resolve("body.bin"), new byte[] {1, 2, (byte) 0xff});
        h2mq.run("send", "blobs", "--size", "100");
        h2mq.run("send", "blobs", "--file", file.toString());

        Launcher.Result browsed = h2mq.run("browse", "blobs");

        assertTrue(browsed.out().contains("body           bytes, 100: 61 62 63"), browsed.out());
        assertTrue(browsed.out().contains("body           bytes, 3: 01 02 ff"), browsed.out());
    }

    @Test
    void sendToATopicWithoutSubscriptionsSucceeds() throws Exception {
        Launcher.Result sent = h2mq.run("send", "topic:news", "--count", "3", "--rate", "50");

        assertEquals(0, sent.exitCode(), sent.all());
        assertTrue(sent.out().startsWith("sent 3 messages to topic news in "), sent.out());
    }

    @Test
    void badOptionValuesAreUsageErrors() throws Exception {
        h2mq.run("send", "orders");

        Launcher.Result priority = h2mq.run("send", "orders", "--priority", "12");
        assertEquals(ExitCodes.USAGE, priority.exitCode(), priority.all());
        assertTrue(priority.err().contains("--priority must be from 0 to 9, got 12"), priority.err());

        Launcher.Result both = h2mq.run("send", "orders", "--text", "a", "--size", "3");
        assertEquals(ExitCodes.USAGE, both.exitCode(), both.all());

        Launcher.Result selector = h2mq.run("receive", "orders", "--selector", "amount >");
        assertEquals(ExitCodes.USAGE, selector.exitCode(), selector.all());
        assertTrue(selector.err().contains("invalid selector"), selector.err());
    }
}
