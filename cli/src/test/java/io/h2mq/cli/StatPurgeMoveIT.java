package io.h2mq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import io.h2mq.H2mqConnectionFactory;

import jakarta.jms.Connection;
import jakarta.jms.Session;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatPurgeMoveIT {
    @TempDir
    Path dir;

    Launcher h2mq;

    @BeforeEach
    void launcher() {
        h2mq = new Launcher(dir);
    }

    @Test
    void statPrintsOneLinePerQueueWithItsDepth() throws Exception {
        h2mq.run("send", "orders", "--count", "12");
        h2mq.run("send", "audit");

        Launcher.Result stat = h2mq.run("stat");

        assertEquals(0, stat.exitCode(), stat.all());
        String[] lines = stat.out().split("\n");
        assertTrue(lines[0].matches("KIND +DESTINATION +SUBSCRIPTION +DEPTH +IN-FLIGHT +CONSUMERS +OLDEST"),
                stat.out());
        assertTrue(stat.out().matches("(?s).*\nqueue +orders +- +12 +0 +0 +\\d+s(\n.*)?"), stat.out());
        assertTrue(stat.out().matches("(?s).*\nqueue +audit +- +1 +0 +0 +\\d+s(\n.*)?"), stat.out());
    }

    @Test
    void statPrintsADurableSubscriptionWithItsClientIdAndDepth() throws Exception {
        try (Connection connection = new H2mqConnectionFactory(h2mq.url()).createConnection()) {
            connection.setClientID("app1");
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createDurableSubscriber(session.createTopic("news"), "audit").close();
        }
        h2mq.run("send", "topic:news", "--count", "2");

        Launcher.Result stat = h2mq.run("stat");

        assertTrue(stat.out().matches("(?s).*\nsubscription +news +app1:audit +2 +0 +0 +\\d+s(\n.*)?"),
                stat.out());
    }

    @Test
    void purgeDeletesTheMatchingMessages() throws Exception {
        h2mq.run("send", "orders", "--count", "5", "--property", "stale:boolean=true");
        h2mq.run("send", "orders", "--count", "2", "--property", "stale:boolean=false");

        Launcher.Result purged = h2mq.run("purge", "orders", "--selector", "stale = true");
        assertEquals(0, purged.exitCode(), purged.all());
        assertTrue(purged.out().startsWith("purged 5 messages from queue orders matching stale = true in "),
                purged.out());

        Launcher.Result all = h2mq.run("purge", "orders");
        assertTrue(all.out().startsWith("purged 2 messages from queue orders in "), all.out());
        Launcher.Result left = h2mq.run("browse", "orders");
        assertTrue(left.out().endsWith("0 messages in queue orders\n"), left.out());
    }

    @Test
    void moveTakesTheMatchingMessagesToAnotherQueue() throws Exception {
        h2mq.run("send", "DLQ", "--count", "3", "--property", "region=eu");
        h2mq.run("send", "DLQ", "--count", "1", "--property", "region=us");

        Launcher.Result moved = h2mq.run("move", "DLQ", "orders", "--selector", "region = 'eu'");
        assertEquals(0, moved.exitCode(), moved.all());
        assertTrue(moved.out().startsWith("moved 3 messages from queue DLQ to queue orders matching region = 'eu' in "),
                moved.out());

        Launcher.Result received = h2mq.run("receive", "orders", "--print", "--timeout", "300ms");
        assertEquals(3, received.out().split("region = \"eu\"", -1).length - 1, received.out());
        Launcher.Result left = h2mq.run("browse", "DLQ");
        assertTrue(left.out().endsWith("1 message in queue DLQ\n"), left.out());
    }

    @Test
    void retrySendsDeadLettersBackToTheQueueTheyCameFrom() throws Exception {
        h2mq.run("send", "DLQ", "--count", "2", "--property", "H2MQ_ORIGINAL_DESTINATION=queue://orders");
        h2mq.run("send", "DLQ", "--text", "no origin");

        Launcher.Result retried = h2mq.run("retry");
        assertEquals(0, retried.exitCode(), retried.all());
        assertTrue(retried.out().startsWith("retried 2 messages from queue DLQ in "), retried.out());

        assertTrue(h2mq.run("browse", "orders").out().endsWith("2 messages in queue orders\n"));
        assertTrue(h2mq.run("browse", "DLQ").out().contains("\"no origin\""));
    }

    @Test
    void aQueueTheStoreDoesNotHaveExitsWithNoSuchDestinationForEveryCommandThatNamesOne() throws Exception {
        h2mq.run("send", "orders");

        String[][] commands = {{"browse", "ordres"}, {"receive", "ordres"}, {"purge", "ordres"},
                {"move", "ordres", "orders"}, {"retry", "ordres"}, {"export", "ordres", "--file", dir.resolve("x.h2mq").toString()}};
        for (String[] command : commands) {
            Launcher.Result result = h2mq.run(command);
            assertEquals(ExitCodes.NO_SUCH_DESTINATION, result.exitCode(), String.join(" ", command) + ": "
                    + result.all());
            assertTrue(result.err().startsWith("h2mq " + command[0] + ": "), result.err());
            assertTrue(result.err().contains("ordres"), result.err());
        }
        Launcher.Result stat = h2mq.run("stat");
        assertTrue(!stat.out().contains("ordres"), "looking for a queue must not create it: " + stat.out());
    }
}
