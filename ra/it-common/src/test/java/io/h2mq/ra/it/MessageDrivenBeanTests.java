package io.h2mq.ra.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import io.h2mq.ra.it.app.Collector;
import io.h2mq.ra.it.app.Destinations;
import io.h2mq.ra.it.app.OrdersListener;
import io.h2mq.ra.it.app.PoisonListener;
import io.h2mq.ra.it.app.PricesListener;
import io.h2mq.ra.it.app.Receiver;
import io.h2mq.ra.it.app.Sender;

import jakarta.ejb.EJB;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Message-driven beans fed by the adapter's activation spec, with sends from container-managed XA transactions.
 * Each test marks its bodies with a fresh run ID and looks only at those, so the tests share queues safely. Each
 * server's module runs these through a subclass that declares its deployments.
 */
@ExtendWith(ArquillianExtension.class)
abstract class MessageDrivenBeanTests {
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @EJB
    private Sender sender;
    @EJB
    private Receiver receiver;
    @EJB
    private Collector collector;

    @Test
    @OperateOnDeployment("app")
    void thousandMessagesSentInXaTransactionsAreEachConsumedOnceByAtMostFiveSessions() throws NamingException {
        String run = "orders-" + UUID.randomUUID() + "-";
        Queue orders = InitialContext.doLookup(Destinations.ORDERS);
        Set<String> sent = bodies(run, 1000);

        sent.forEach(body -> sender.send(orders, body));

        awaitDistinct(OrdersListener.NAME, run, sent);
        assertEachOnce(sent, collector.bodies(OrdersListener.NAME, run));
        int peak = collector.ordersConcurrencyPeak();
        assertTrue(peak <= 5, "maxSession=5, yet " + peak + " deliveries ran at once");
    }

    @Test
    @OperateOnDeployment("app")
    void ofAlternatelyCommittedAndRolledBackSendsOnlyTheCommittedHalfArrives() throws NamingException {
        String run = "half-" + UUID.randomUUID() + "-";
        Queue orders = InitialContext.doLookup(Destinations.ORDERS);
        Set<String> committed = new HashSet<>();

        for (int i = 0; i < 1000; i++) {
            String body = run + i;
            if (i % 2 == 0) {
                sender.send(orders, body);
                committed.add(body);
            } else {
                sender.sendThenRollBack(orders, body, Map.of());
            }
        }

        awaitDistinct(OrdersListener.NAME, run, committed);
        assertEachOnce(committed, collector.bodies(OrdersListener.NAME, run));
    }

    @Test
    @OperateOnDeployment("app")
    void durableTopicSubscriberReceivesEveryMessagePublishedOnce() throws NamingException {
        String run = "prices-" + UUID.randomUUID() + "-";
        Topic prices = InitialContext.doLookup(Destinations.PRICES);
        awaitSubscribed(prices, PricesListener.NAME, run + "probe-");
        Set<String> published = bodies(run + "tick-", 50);

        published.forEach(body -> sender.send(prices, body));

        awaitDistinct(PricesListener.NAME, run + "tick-", published);
        assertEachOnce(published, collector.bodies(PricesListener.NAME, run + "tick-"));
    }

    @Test
    @OperateOnDeployment("app")
    void refusedMessageIsDeliveredThreeTimesThenMovedToTheDeadLetterQueue() throws NamingException {
        String run = UUID.randomUUID().toString();
        Queue poison = InitialContext.doLookup(Destinations.POISON);
        Queue dlq = InitialContext.doLookup(Destinations.DLQ);
        String refused = "refused-" + run;
        String accepted = "accepted-" + run;

        sender.send(poison, refused, Map.of(Destinations.POISON_PROPERTY, "yes", "run", run));
        sender.send(poison, accepted, Map.of("run", run));

        assertEquals(refused, awaitReceive(dlq, "run = '" + run + "'"));
        List<Collector.Delivery> attempts = collector.deliveries(PoisonListener.NAME, refused);
        assertEquals(List.of(1, 2, 3), attempts.stream().map(Collector.Delivery::deliveryCount).toList(),
                "JMSXDeliveryCount of each attempt: " + attempts);
        assertEquals(List.of(false, true, true), attempts.stream().map(Collector.Delivery::redelivered).toList(),
                "JMSRedelivered of each attempt: " + attempts);
        awaitDistinct(PoisonListener.NAME, accepted, Set.of(accepted));
        assertEquals(List.of(accepted), collector.bodies(PoisonListener.NAME, accepted));
    }

    /** Publishes probes until the listener gets one: only from then on does its durable subscription exist. */
    private void awaitSubscribed(Topic topic, String listener, String probePrefix) {
        int[] probes = {0};
        Await.until(listener + " subscribed to " + topic, PATIENCE, () -> {
            sender.send(topic, probePrefix + probes[0]++);
            return !collector.bodies(listener, probePrefix).isEmpty();
        }, () -> probes[0] + " probes published, none delivered");
    }

    private String awaitReceive(Queue queue, String selector) {
        String[] body = {null};
        Await.until("a message with " + selector + " on " + queue, PATIENCE,
                () -> (body[0] = receiver.receive(queue, selector, 1000)) != null, () -> "nothing");
        return body[0];
    }

    private void awaitDistinct(String listener, String prefix, Set<String> expected) {
        Await.until(expected.size() + " distinct messages to " + listener, PATIENCE,
                () -> new HashSet<>(collector.bodies(listener, prefix)).containsAll(expected),
                () -> {
                    Set<String> missing = new HashSet<>(expected);
                    missing.removeAll(collector.bodies(listener, prefix));
                    return missing.size() + " missing: " + missing.stream().sorted().limit(20).toList();
                });
    }

    private static void assertEachOnce(Set<String> expected, List<String> delivered) {
        Map<String, Long> counts = delivered.stream().collect(Collectors.groupingBy(b -> b, Collectors.counting()));
        Map<String, Long> wrong = counts.entrySet().stream()
                .filter(e -> !expected.contains(e.getKey()) || e.getValue() != 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(Map.of(), wrong, "delivered more than once, or never sent/committed");
        assertEquals(expected, counts.keySet());
    }

    private static Set<String> bodies(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).collect(Collectors.toCollection(HashSet::new));
    }
}
