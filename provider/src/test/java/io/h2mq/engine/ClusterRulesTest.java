package io.h2mq.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.store.EndpointKeys;
import io.h2mq.store.EndpointRecord;
import io.h2mq.store.StoreSettings;
import io.h2mq.testing.TestStores;

import jakarta.jms.IllegalStateException;

/**
 * The rules the spec sets for client IDs and subscriptions, held across nodes: two engines on one shared store are
 * two processes as far as the store can tell.
 */
class ClusterRulesTest {
    @TempDir
    Path dir;

    private final List<Broker> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(Broker::stop);
    }

    private Broker node(Clock clock) {
        Broker broker = Broker.start(new StoreSettings(TestStores.sharedUrl(dir), null, null, 4), clock,
                DeliveryPolicies.of(DeliveryPolicy.DEFAULT, null));
        started.add(broker);
        return broker;
    }

    @Test
    void clientIdInUseByOneNodeIsRefusedToAnotherUntilReleased() throws Exception {
        Broker a = node(Clock.system());
        Broker b = node(Clock.system());
        assertTrue(a.claimClientId("billing"));
        assertFalse(b.claimClientId("billing"));
        assertFalse(a.claimClientId("billing"), "one connection at a time in the node that holds it, too");
        a.releaseClientId("billing");
        assertTrue(b.claimClientId("billing"));
    }

    @Test
    void clientIdOfADeadNodeIsTakenOver() throws Exception {
        Broker a = node(Clock.system());
        assertTrue(a.claimClientId("billing"));
        // A node whose clock is a lease past a's last heartbeat sees a as dead.
        SettableClock later = new SettableClock(System.currentTimeMillis() + 2 * StoreSettings.DEFAULT_LEASE_MILLIS);
        Broker b = node(later);
        assertTrue(b.claimClientId("billing"));
    }

    @Test
    void unsharedDurableSubscriptionInUseByAnotherNodeIsRefused() throws Exception {
        Broker a = node(Clock.system());
        Broker b = node(Clock.system());
        EndpointRecord held = a.subscriptions().openDurable("app", "audit", "orders", null, false, false, "c1");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> b.subscriptions().openDurable("app", "audit", "orders", null, false, false, "c2"));
        assertTrue(refused.getMessage().contains("'audit'"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> b.subscriptions().unsubscribe("app", "audit", java.util.Set.of()),
                "not while a consumer of another node is active");

        a.subscriptions().consumerClosed(held);
        EndpointRecord reopened = b.subscriptions().openDurable("app", "audit", "orders", null, false, false, "c2");
        assertEquals(held.id(), reopened.id(), "the same subscription, now consumed by the other node");
    }

    @Test
    void sharedDurableSubscriptionIsConsumedByConsumersOfEveryNode() throws Exception {
        Broker a = node(Clock.system());
        Broker b = node(Clock.system());
        EndpointRecord first = a.subscriptions().openDurable(null, "workers", "jobs", null, false, true, "c1");
        EndpointRecord second = b.subscriptions().openDurable(null, "workers", "jobs", null, false, true, "c2");
        assertEquals(first.id(), second.id());
    }

    @Test
    void sharedNonDurableSubscriptionLastsWhileAnyNodeConsumesFromIt() throws Exception {
        Broker a = node(Clock.system());
        Broker b = node(Clock.system());
        EndpointRecord onA = a.subscriptions().openSharedNonDurable(null, "feed", "prices", null);
        EndpointRecord onB = b.subscriptions().openSharedNonDurable(null, "feed", "prices", null);
        assertEquals(onA.id(), onB.id(), "one subscription split across the nodes");

        a.subscriptions().consumerClosed(onA);
        assertTrue(a.store().findEndpoint(EndpointKeys.sharedNonDurable(null, "feed")).isPresent(),
                "b still consumes from it");
        b.subscriptions().consumerClosed(onB);
        assertFalse(a.store().findEndpoint(EndpointKeys.sharedNonDurable(null, "feed")).isPresent(),
                "it ended with the last consumer of any node");
    }

    @Test
    void sharedNonDurableSubscriptionEndsWithTheLastNodeConsumingFromIt() throws Exception {
        Broker a = node(Clock.system());
        Broker b = node(Clock.system());
        a.subscriptions().openSharedNonDurable(null, "feed", "prices", null);
        b.subscriptions().openSharedNonDurable(null, "feed", "prices", null);
        a.stop();
        started.remove(a);
        assertTrue(b.store().findEndpoint(EndpointKeys.sharedNonDurable(null, "feed")).isPresent(),
                "the node that created it left; b still consumes from it");
        b.stop();
        started.remove(b);
        Broker c = node(Clock.system());
        assertFalse(c.store().findEndpoint(EndpointKeys.sharedNonDurable(null, "feed")).isPresent());
    }

    @Test
    void temporaryTopicOfOneNodeExistsForTheOthersUntilItsNodeLeaves() throws Exception {
        Broker a = node(Clock.system());
        Broker b = node(Clock.system());
        String topic = a.createTemporaryTopic();
        assertTrue(b.store().temporaryTopicExists(topic), "another node may send to it");
        a.stop();
        started.remove(a);
        assertFalse(b.store().temporaryTopicExists(topic), "deleted with the node that created it");
    }

    @Test
    void housekeepingIsDoneByOneNodeAtATime() {
        Broker a = node(Clock.system());
        Broker b = node(Clock.system());
        long now = System.currentTimeMillis();
        // a started first and took the housekeeping lease; b cannot take it while a renews it.
        assertFalse(b.store().takeLease("housekeeping", b.nodeId(), now, now + 1_000));
        assertTrue(a.store().takeLease("housekeeping", a.nodeId(), now, now + 1_000));
    }
}
