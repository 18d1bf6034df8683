package io.h2mq.ra.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import io.h2mq.ra.it.app.Destinations;
import io.h2mq.ra.it.app.Receiver;
import io.h2mq.ra.it.app.Sender;

import jakarta.ejb.EJB;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A durable subscriber's application undeployed and redeployed while publishing goes on: its subscription keeps
 * what is published in between and delivers it after the redeployment, nothing lost and nothing twice. The
 * subscriber forwards every message to the queue Received in its delivery transaction; the test reads that queue.
 * Each server's module runs this through a subclass that declares the deployments, {@link #LISTENER} among them.
 */
@ExtendWith(ArquillianExtension.class)
abstract class DurableSubscriptionRedeployTests {
    /** The name of the undeployed-at-first durable-subscriber deployment each server's subclass declares. */
    static final String LISTENER = "durable-listener";
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final int PER_BATCH = 50;

    @EJB
    private Sender sender;
    @EJB
    private Receiver receiver;
    @ArquillianResource
    private Deployer deployer;

    private final List<String> received = new ArrayList<>();

    @Test
    @OperateOnDeployment("app")
    void messagesPublishedWhileTheSubscriberIsUndeployedArriveOnceAfterEachOfThreeRedeployments()
            throws NamingException {
        String run = "redeploy-" + UUID.randomUUID() + "-";
        Topic prices = InitialContext.doLookup(Destinations.PRICES);
        Queue forwarded = InitialContext.doLookup(Destinations.RECEIVED);
        Set<String> published = new HashSet<>();

        deployer.deploy(LISTENER);
        try {
            awaitSubscribed(prices, forwarded, run + "probe-");
            for (int cycle = 1; cycle <= 3; cycle++) {
                published.addAll(publish(prices, run + cycle + "-deployed-"));
                deployer.undeploy(LISTENER);
                Set<String> whileUndeployed = publish(prices, run + cycle + "-undeployed-");
                published.addAll(whileUndeployed);
                deployer.deploy(LISTENER);
                awaitForwarded(forwarded, whileUndeployed);
            }
            published.addAll(publish(prices, run + "last-"));
            awaitForwarded(forwarded, published);
        } finally {
            deployer.undeploy(LISTENER);
        }

        List<String> ours = received.stream().filter(b -> !b.startsWith(run + "probe-")).toList();
        Map<String, Long> twice = ours.stream().collect(Collectors.groupingBy(b -> b, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(Map.of(), twice, "forwarded more than once");
        assertEquals(published, Set.copyOf(ours));
    }

    private Set<String> publish(Topic topic, String prefix) {
        Set<String> bodies = new HashSet<>();
        for (int i = 0; i < PER_BATCH; i++) {
            sender.send(topic, prefix + i);
            bodies.add(prefix + i);
        }
        return bodies;
    }

    /** Publishes probes until one is forwarded: only from then on does the durable subscription exist. */
    private void awaitSubscribed(Topic topic, Queue forwarded, String probePrefix) {
        int[] probes = {0};
        Await.until("the redeployed listener subscribed to " + topic, PATIENCE, () -> {
            sender.send(topic, probePrefix + probes[0]++);
            drain(forwarded, 200);
            return received.stream().anyMatch(b -> b.startsWith(probePrefix));
        }, () -> probes[0] + " probes published, none forwarded");
    }

    private void awaitForwarded(Queue forwarded, Set<String> expected) {
        Await.until(expected.size() + " messages forwarded", PATIENCE, () -> {
            drain(forwarded, 500);
            return received.containsAll(expected);
        }, () -> missing(expected).size() + " missing: " + missing(expected).stream().sorted().limit(20).toList());
    }

    private Set<String> missing(Set<String> expected) {
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(received);
        return missing;
    }

    private void drain(Queue queue, long firstWaitMillis) {
        String body = receiver.receive(queue, firstWaitMillis);
        while (body != null) {
            received.add(body);
            body = receiver.receiveNoWait(queue, null);
        }
    }
}
