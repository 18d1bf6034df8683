package io.h2mq.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.H2mqConnectionFactory;
import io.h2mq.H2mqOptions;
import io.h2mq.testing.ChildJvm;
import io.h2mq.testing.TestStores;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

/**
 * {@code kill -9} under load: four producers and four consumers on one queue in a child JVM, killed while both are
 * busy. After a restart no message whose send returned is lost, no message whose acknowledgement returned comes back,
 * nothing comes back twice, and at most one in-flight operation per thread is uncertain.
 */
@Timeout(value = 40, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class LoadKill9CrashTest {
    private static final int PRODUCERS = 4;
    private static final int CONSUMERS = 4;

    @TempDir
    Path dir;

    ChildJvm child;

    @AfterEach
    void killLeftovers() {
        if (child != null) {
            child.close();
        }
    }

    @Test
    void killUnderLoadLosesNoReturnedSendAndRedeliversNoAcknowledgedMessage() throws Exception {
        String url = TestStores.url(dir);
        child = ChildJvm.start(dir, List.of(), LoadCrashChild.class, url, "load", Integer.toString(PRODUCERS),
                Integer.toString(CONSUMERS));
        Set<Integer> sent = new HashSet<>();
        Set<Integer> got = new HashSet<>();
        Set<Integer> acked = new HashSet<>();
        while (acked.size() < 600) {
            String line = child.nextLine();
            if (line == null) {
                throw new AssertionError("child ended early: " + child.describe());
            }
            record(line, sent, got, acked);
        }
        for (String line : child.killHard()) {
            record(line, sent, got, acked);
        }

        List<Integer> remaining = new ArrayList<>();
        Set<Integer> redelivered = new HashSet<>();
        ChildFactory.awaitLapseOfKilledChild(url);
        try (Connection connection = new H2mqConnectionFactory(url).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("load"));
            Message m;
            while ((m = consumer.receive(500)) != null) {
                remaining.add(m.getIntProperty(CrashChild.NUMBER));
                if (m.getJMSRedelivered()) {
                    redelivered.add(m.getIntProperty(CrashChild.NUMBER));
                }
            }
        }
        Set<Integer> back = new HashSet<>(remaining);
        assertEquals(remaining.size(), back.size(), "nothing comes back twice");
        Set<Integer> acknowledgedButBack = new HashSet<>(acked);
        acknowledgedButBack.retainAll(back);
        assertTrue(acknowledgedButBack.isEmpty(), "acknowledged messages came back: " + acknowledgedButBack);
        Set<Integer> lost = new HashSet<>(sent);
        lost.removeAll(got);
        lost.removeAll(back);
        assertTrue(lost.isEmpty(), "returned sends lost: " + lost + " (sent " + sent.size() + ", got " + got.size()
                + ", back " + back.size() + ")");
        Set<Integer> unannounced = new HashSet<>(back);
        unannounced.removeAll(sent);
        assertTrue(unannounced.size() <= PRODUCERS, "at most one in-flight send per producer: " + unannounced);
        Set<Integer> ackInFlight = new HashSet<>(got);
        ackInFlight.removeAll(acked);
        ackInFlight.removeAll(back);
        assertTrue(ackInFlight.size() <= CONSUMERS, "only an acknowledge() in flight may end unannounced: "
                + ackInFlight);
        Set<Integer> receivedNotAckedBack = new HashSet<>(got);
        receivedNotAckedBack.removeAll(acked);
        receivedNotAckedBack.retainAll(back);
        assertTrue(redelivered.containsAll(receivedNotAckedBack),
                "received but unacknowledged messages come back marked redelivered: " + receivedNotAckedBack
                        + " redelivered " + redelivered);
        Set<Integer> redeliveredUnannounced = new HashSet<>(redelivered);
        redeliveredUnannounced.removeAll(got);
        // Claims are made in batches of up to the prefetch, shared by the child's consumers; those not yet handed
        // out when the child died come back marked redelivered too (a receive in flight per consumer, plus them).
        assertTrue(redeliveredUnannounced.size() <= CONSUMERS + H2mqOptions.DEFAULT_PREFETCH,
                "only what the child held claimed comes back redelivered unannounced: " + redeliveredUnannounced);
    }

    private static void record(String line, Set<Integer> sent, Set<Integer> got, Set<Integer> acked) {
        if (line.startsWith("sent ")) {
            sent.add(Integer.parseInt(line.substring(5)));
        } else if (line.startsWith("got ")) {
            got.add(Integer.parseInt(line.substring(4)));
        } else if (line.startsWith("acked ")) {
            acked.add(Integer.parseInt(line.substring(6)));
        }
    }
}
