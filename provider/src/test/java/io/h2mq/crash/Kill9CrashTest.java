package io.h2mq.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.H2mqConnectionFactory;
import io.h2mq.H2mqOptions;
import io.h2mq.testing.ChildJvm;
import io.h2mq.testing.TestStores;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

/**
 * Crash safety against {@code kill -9}: a child JVM ({@link CrashChild}) works on an embedded H2 file store and
 * prints what each JMS call that returned told it; the parent kills it with SIGKILL at a random point, then opens the
 * same store itself (an embedded H2 file is exclusive to one process, so only once the child is dead) and checks that
 * the provider kept every promise the child printed: no returned send or commit is lost, no returned acknowledgement
 * is undone, nothing is duplicated, and what was delivered but not acknowledged comes back marked redelivered.
 *
 * <p>Nothing sleeps: the parent waits on the child's output, and every wait is bounded by {@code @Timeout}. The
 * random kill points come from a seed that failure messages quote.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class Kill9CrashTest {
    private static final String QUEUE = "crash.orders";

    @TempDir
    Path dir;

    private final long seed = System.nanoTime();
    private final Random random = new Random(seed);
    private final List<ChildJvm> children = new ArrayList<>();

    @AfterEach
    void killLeftoverChildren() throws InterruptedException {
        for (ChildJvm child : children) {
            child.close();
        }
    }

    private String url() {
        return TestStores.url(dir);
    }

    private ChildJvm child(String role, String... args) throws Exception {
        return child(H2mqOptions.DEFAULT_PREFETCH, role, args);
    }

    private ChildJvm child(int prefetch, String role, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(role, url(), QUEUE));
        command.addAll(List.of(args));
        ChildJvm child = ChildJvm.start(dir, List.of("-Xmx128m", ChildFactory.prefetchOption(prefetch)),
                CrashChild.class, command.toArray(String[]::new));
        children.add(child);
        return child;
    }

    private String context(ChildJvm child) {
        return "seed " + seed + "; " + child.describe();
    }

    /** The child's next line; fails if the child ended before printing it. */
    private static String expectLine(ChildJvm child, String context) throws InterruptedException {
        String line = child.nextLine();
        assertNotNull(line, () -> "the child ended before it was killed; " + context);
        return line;
    }

    private static List<Integer> numbersOf(String line) {
        String[] words = line.split(" ");
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            if (!words[i].equals("true") && !words[i].equals("false")) {
                numbers.add(Integer.parseInt(words[i]));
            }
        }
        return numbers;
    }

    // ---- the parent's side of the store ------------------------------------------------------------------------

    private void sendInProcess(int count) throws JMSException {
        sendInProcess(count, DeliveryMode.PERSISTENT);
    }

    private void sendInProcess(int count, int deliveryMode) throws JMSException {
        try (Connection connection = new H2mqConnectionFactory(url()).createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
            producer.setDeliveryMode(deliveryMode);
            for (int n = 0; n < count; n++) {
                Message message = session.createTextMessage(Integer.toString(n));
                message.setIntProperty(CrashChild.NUMBER, n);
                producer.send(message);
                if (n % 500 == 499) {
                    session.commit();
                }
            }
            session.commit();
        }
    }

    /** A message as the restarted store delivered it. */
    private record Got(int number, boolean redelivered, int deliveryCount) {
    }

    /** Everything on the queue, in delivery order, taken by a fresh in-process node of the store. */
    private List<Got> drainAfterRestart() throws JMSException, InterruptedException {
        ChildFactory.awaitLapseOfKilledChild(url());
        List<Got> got = new ArrayList<>();
        try (Connection connection = new H2mqConnectionFactory(url()).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
            connection.start();
            Message message;
            // After the restart every entry is ready now (the dead node's claims were handed back when this node
            // joined), so receiveNoWait, which asks the database, returns null only when the queue is empty.
            while ((message = consumer.receiveNoWait()) != null) {
                got.add(new Got(message.getIntProperty(CrashChild.NUMBER), message.getJMSRedelivered(),
                        message.getIntProperty("JMSXDeliveryCount")));
            }
        }
        return got;
    }

    private static List<Integer> numbers(List<Got> got) {
        return got.stream().map(Got::number).toList();
    }

    private static List<Integer> range(int fromInclusive, int toExclusive) {
        return IntStream.range(fromInclusive, toExclusive).boxed().toList();
    }

    // ---- producers ---------------------------------------------------------------------------------------------

    @Test
    void everyReturnedPersistentSendSurvivesKill9() throws Exception {
        int killAfter = 200 + random.nextInt(400);
        ChildJvm child = child("produce", "1000000");
        String context = context(child);
        List<Integer> sent = new ArrayList<>();
        while (sent.size() < killAfter) {
            sent.addAll(numbersOf(expectLine(child, context)));
        }
        child.killHard().stream().filter(l -> l.startsWith("sent ")).map(Kill9CrashTest::numbersOf)
                .forEach(sent::addAll);
        assertEquals(range(0, sent.size()), sent, context);

        List<Got> got = drainAfterRestart();

        List<Integer> received = numbers(got);
        String summary = "child printed " + sent.size() + " returned sends, restart delivered " + received.size()
                + "; " + context(child);
        // A contiguous prefix in send order: nothing lost from the middle, nothing twice, order kept.
        assertEquals(range(0, received.size()), received, summary);
        assertTrue(received.size() >= sent.size(), () -> "a send() that returned was lost: " + summary);
        // Only the one send() in flight when the kill came may have committed without being printed.
        assertTrue(received.size() <= sent.size() + 1, () -> "more messages than sends: " + summary);
        assertTrue(got.stream().noneMatch(Got::redelivered), summary);
    }

    @Test
    void everyCommittedTransactionSurvivesKill9() throws Exception {
        int killAfter = 200 + random.nextInt(400);
        long batchSeed = random.nextLong();
        ChildJvm child = child("produce-transacted", "1000000", Long.toString(batchSeed));
        String context = context(child);
        List<String> lines = new ArrayList<>();
        int committed = 0;
        while (committed < killAfter) {
            String line = expectLine(child, context);
            lines.add(line);
            committed = numbersOf(line).get(1) + 1;
        }
        lines.addAll(child.killHard());
        // The batches the child drew, recomputed from the same seed as CrashChild.produceTransacted.
        List<Integer> batchEnds = new ArrayList<>();
        Random sizes = new Random(batchSeed);
        for (int end = 0; batchEnds.size() <= lines.size(); ) {
            end += 1 + sizes.nextInt(50);
            batchEnds.add(end);
        }
        int printed = 0;
        int printedBatches = 0;
        for (String line : lines) {
            if (line.startsWith("committed ")) {
                assertEquals(List.of(printed, batchEnds.get(printedBatches) - 1), numbersOf(line), context);
                printed = batchEnds.get(printedBatches++);
            }
        }

        List<Integer> received = numbers(drainAfterRestart());

        String summary = "child printed commits of messages 0.." + (printed - 1) + ", restart delivered "
                + received.size() + "; " + context(child);
        assertEquals(range(0, received.size()), received, summary);
        assertTrue(received.size() >= printed, () -> "a commit() that returned was lost: " + summary);
        // All or nothing: either exactly the printed commits, or those and the whole batch that was committing.
        Set<Integer> allowed = Set.of(printed, batchEnds.get(printedBatches));
        assertTrue(allowed.contains(received.size()),
                () -> "a transaction survived in part (allowed message counts " + allowed + "): " + summary);
    }

    @Test
    void everyReturnedSendOfConcurrentProducersSurvivesKill9() throws Exception {
        int threads = 4;
        int killAfter = 200 + random.nextInt(400);
        ChildJvm child = child("produce-concurrent", Integer.toString(threads));
        String context = context(child);
        List<Integer> sent = new ArrayList<>();
        while (sent.size() < killAfter) {
            sent.addAll(numbersOf(expectLine(child, context)));
        }
        child.killHard().stream().filter(l -> l.startsWith("sent ")).map(Kill9CrashTest::numbersOf)
                .forEach(sent::addAll);

        List<Got> got = drainAfterRestart();

        List<Integer> received = numbers(got);
        String summary = "child printed " + sent.size() + " returned sends, restart delivered " + received.size()
                + "; " + context(child);
        assertEquals(received.size(), new HashSet<>(received).size(), () -> "duplicates: " + summary);
        assertTrue(got.stream().noneMatch(Got::redelivered), summary);
        for (int t = 0; t < threads; t++) {
            int producer = t;
            int base = producer * CrashChild.PER_THREAD;
            List<Integer> printed = sent.stream().filter(n -> n / CrashChild.PER_THREAD == producer).toList();
            List<Integer> back = received.stream().filter(n -> n / CrashChild.PER_THREAD == producer).toList();
            String perThread = "producer " + t + " printed " + printed.size() + ", got back " + back.size() + "; "
                    + summary;
            assertEquals(range(base, base + printed.size()), printed, perThread);
            // Each producer's messages: a prefix of what it sent, in its order, holding every printed send and at
            // most the one in flight.
            assertEquals(range(base, base + back.size()), back, perThread);
            assertTrue(back.size() >= printed.size(), () -> "a send() that returned was lost: " + perThread);
            assertTrue(back.size() <= printed.size() + 1, () -> "more messages than sends: " + perThread);
        }
    }

    // ---- consumers ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "prefetch {0}")
    @ValueSource(ints = {1, H2mqOptions.DEFAULT_PREFETCH})
    void consumerKilledMidStreamLosesNothingAndRedeliversUnacknowledged(int prefetch) throws Exception {
        killConsumerThatSettlesInGroups(prefetch, "consume-client-ack", "acking", "acked");
    }

    @ParameterizedTest(name = "prefetch {0}")
    @ValueSource(ints = {1, H2mqOptions.DEFAULT_PREFETCH})
    void transactedConsumerKilledBeforeCommitGetsItsUncommittedMessagesBackRedelivered(int prefetch)
            throws Exception {
        killConsumerThatSettlesInGroups(prefetch, "consume-transacted", "committing", "committed");
    }

    /**
     * A child consumer settles every k-th message the group received since the last one ({@code acknowledge()} in
     * CLIENT_ACKNOWLEDGE, {@code commit()} in a transacted session) and is killed mid-stream. A settled message
     * never comes back; every other one comes back exactly once, in order, and those the child had received are
     * marked redelivered with a raised delivery count. Of the messages the child never received, only those it
     * held claimed (the receive in flight, and at most {@code prefetch} claimed ahead) come back marked redelivered.
     */
    private void killConsumerThatSettlesInGroups(int prefetch, String role, String settling, String settled)
            throws Exception {
        int total = 1200;
        sendInProcess(total);
        int killAfter = 200 + random.nextInt(400);
        int k = 3 + random.nextInt(8);
        ChildJvm child = child(prefetch, role, Integer.toString(k));
        String context = context(child) + "; " + role + " settling every " + k + ", prefetch " + prefetch;

        Set<Integer> received = new LinkedHashSet<>();
        Set<Integer> acked = new HashSet<>();
        boolean ackInFlight = false;
        List<String> lines = new ArrayList<>();
        while (received.size() < killAfter) {
            lines.add(expectLine(child, context));
            if (lines.get(lines.size() - 1).startsWith("received ")) {
                received.addAll(numbersOf(lines.get(lines.size() - 1)));
            }
        }
        lines.addAll(child.killHard());
        received.clear();
        for (String line : lines) {
            if (line.startsWith("received ")) {
                assertTrue(line.endsWith(" false"), () -> "first delivery marked redelivered: " + line);
                received.addAll(numbersOf(line));
            } else if (line.startsWith(settled + " ")) {
                acked.addAll(numbersOf(line));
            }
            ackInFlight = line.equals(settling);
        }
        Set<Integer> pending = new LinkedHashSet<>(received);
        pending.removeAll(acked);

        List<Got> got = drainAfterRestart();

        List<Integer> back = numbers(got);
        String summary = "received " + received.size() + ", " + settled + " " + acked.size() + ", pending "
                + pending + (ackInFlight ? " (" + settling + " when killed)" : "") + ", restart delivered "
                + back.size() + "; " + context;
        assertEquals(back.size(), new HashSet<>(back).size(), () -> "duplicates: " + summary);
        assertEquals(back.stream().sorted().toList(), back, () -> "out of order: " + summary);
        Set<Integer> undone = back.stream().filter(acked::contains).collect(Collectors.toSet());
        assertTrue(undone.isEmpty(), () -> settled + " messages " + undone + " came back: " + summary);

        boolean pendingGroupSettled = ackInFlight && pending.stream().noneMatch(back::contains);
        if (!pendingGroupSettled) {
            // Unless the kill came inside an acknowledge()/commit() that did commit (then the whole group is gone
            // at once), every message received and not settled comes back, marked redelivered.
            for (int n : pending) {
                Got again = got.stream().filter(g -> g.number() == n).findFirst()
                        .orElseGet(() -> fail("received, unsettled message " + n + " was lost: " + summary));
                assertTrue(again.redelivered(), () -> n + " not marked redelivered: " + summary);
                assertTrue(again.deliveryCount() >= 2, () -> n + " has delivery count " + again.deliveryCount()
                        + ": " + summary);
            }
        }
        Set<Integer> gone = new HashSet<>(acked);
        if (pendingGroupSettled) {
            gone.addAll(pending);
        }
        List<Integer> expected = range(0, total).stream().filter(n -> !gone.contains(n)).toList();
        assertEquals(expected, back, () -> "lost or extra messages: " + summary);
        // Besides those printed, only what the child held claimed when killed (the receive() in flight, and the
        // prefetch) is marked redelivered: with prefetch 1, at most that one message.
        long redeliveredUnseen = got.stream().filter(g -> g.redelivered() && !received.contains(g.number())).count();
        assertTrue(redeliveredUnseen <= prefetch, () -> redeliveredUnseen + " unseen messages redelivered: "
                + summary);
        assertTrue(got.stream().filter(g -> !g.redelivered()).allMatch(g -> g.deliveryCount() == 1), summary);
    }

    @ParameterizedTest(name = "prefetch {0}")
    @ValueSource(ints = {1, H2mqOptions.DEFAULT_PREFETCH})
    void autoAcknowledgedReceiveThatReturnedIsNeverRedeliveredAfterKill9(int prefetch) throws Exception {
        int total = 1200;
        sendInProcess(total);
        ChildJvm child = child(prefetch, "consume-auto");
        String context = context(child);
        List<Integer> received = receiveInChildUntilKilled(child, context);

        List<Got> got = drainAfterRestart();

        List<Integer> back = numbers(got);
        String summary = "child printed " + received.size() + " returned receives, restart delivered " + back.size()
                + "; " + context(child);
        Set<Integer> again = back.stream().filter(received::contains).collect(Collectors.toSet());
        assertTrue(again.isEmpty(), () -> "messages whose receive() returned came back: " + again + "; " + summary);
        // The rest comes back in order; only the receive() in flight may have acknowledged one message unprinted.
        int from = received.size();
        assertTrue(back.equals(range(from, total)) || back.equals(range(from + 1, total)),
                () -> "lost, duplicated or reordered: first back " + back.stream().limit(3).toList() + "; " + summary);
        // And only messages the child held claimed but had not acknowledged are marked redelivered: the head of
        // what comes back, no more than the prefetch (with prefetch 1, the message of the receive() in flight).
        List<Got> redelivered = got.stream().filter(Got::redelivered).toList();
        assertTrue(redelivered.size() <= prefetch && redelivered.equals(got.subList(0, redelivered.size())),
                () -> "redelivered " + redelivered + "; " + summary);
        redelivered.forEach(g -> assertTrue(g.deliveryCount() >= 2, summary));
        assertFalse(back.isEmpty(), summary);
    }

    /**
     * NON_PERSISTENT messages are acknowledged without waiting for the commit, so a consumer killed mid-stream may
     * have returned messages whose acknowledgement was lost; the restarted store must still never deliver one of them
     * again (at most once). What the dead consumer held claimed is dropped, never redelivered; the rest arrives once.
     */
    @Test
    void nonPersistentMessageWhoseReceiveReturnedIsNeverDeliveredAgainAfterKill9() throws Exception {
        int total = 1200;
        sendInProcess(total, DeliveryMode.NON_PERSISTENT);
        ChildJvm child = child("consume-auto");
        String context = context(child);
        List<Integer> received = receiveInChildUntilKilled(child, context);

        List<Got> got = drainAfterRestart();

        List<Integer> back = numbers(got);
        String summary = "child printed " + received.size() + " returned receives, restart delivered " + back.size()
                + "; " + context;
        Set<Integer> again = back.stream().filter(received::contains).collect(Collectors.toSet());
        assertTrue(again.isEmpty(), () -> "delivered twice: " + again + "; " + summary);
        assertEquals(back.stream().sorted().toList(), back, () -> "out of order: " + summary);
        assertEquals(back.size(), new HashSet<>(back).size(), () -> "duplicates: " + summary);
        int dropped = total - received.size() - back.size();
        assertTrue(dropped >= 0 && dropped <= H2mqOptions.DEFAULT_PREFETCH + 1,
                () -> dropped + " dropped, more than the consumer could hold claimed: " + summary);
        assertTrue(back.isEmpty() || back.get(0) >= received.size(), summary);
        assertTrue(got.stream().noneMatch(Got::redelivered), () -> "a dropped claim came back: " + summary);
    }

    /**
     * Lets an AUTO_ACKNOWLEDGE child consumer print a random number of returned receives, kills it, and returns every
     * number it printed (checked to be the head of the queue, in order).
     */
    private List<Integer> receiveInChildUntilKilled(ChildJvm child, String context) throws Exception {
        int killAfter = 200 + random.nextInt(400);
        List<Integer> received = new ArrayList<>();
        while (received.size() < killAfter) {
            received.addAll(numbersOf(expectLine(child, context)));
        }
        child.killHard().stream().filter(l -> l.startsWith("received ")).map(Kill9CrashTest::numbersOf)
                .forEach(received::addAll);
        assertEquals(range(0, received.size()), received, context);
        return received;
    }
}
