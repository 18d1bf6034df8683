package io.h2mq.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.H2mqConnectionFactory;
import io.h2mq.management.DestinationStatistics;
import io.h2mq.management.Engines;
import io.h2mq.management.StoreAdmin;

import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

/**
 * Every permission, allowed with it and refused without it, on a real store; a refusal names the user, the operation
 * and the destination, and changes nothing.
 */
@Timeout(60)
class PermissionChecksTest {
    private static final long RECEIVE_MILLIS = 5_000;
    /** Never asked for a session: the tests that use it send nothing to the destination. */
    private static final ServerSessionPool NO_SESSIONS = () -> {
        throw new JMSException("the test's pool has no session");
    };

    @TempDir
    Path dir;

    private H2mqConnectionFactory factory;
    private final List<Connection> connections = new ArrayList<>();

    @BeforeEach
    void secure() throws Exception {
        factory = SecuredStore.factory(dir);
    }

    @AfterEach
    void closeAll() throws JMSException {
        for (Connection c : connections) {
            c.close();
        }
    }

    private Session session(String user) throws JMSException {
        return session(user, null);
    }

    private Session session(String user, String clientId) throws JMSException {
        Connection c = factory.createConnection(user, user + "-secret");
        connections.add(c);
        if (clientId != null) {
            c.setClientID(clientId);
        }
        c.start();
        return c.createSession();
    }

    private List<String> browseAsRoot(String queue) throws JMSException {
        Session root = session("root");
        List<String> texts = new ArrayList<>();
        QueueBrowser browser = root.createBrowser(root.createQueue(queue));
        java.util.Enumeration<?> messages = browser.getEnumeration();
        while (messages.hasMoreElements()) {
            texts.add(((TextMessage) messages.nextElement()).getText());
        }
        browser.close();
        return texts;
    }

    private static void assertNames(JMSSecurityException e, String user, String operation, String destination) {
        assertTrue(e.getMessage().startsWith("user '" + user + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(operation + " '" + destination + "'"), e.getMessage());
    }

    // ---- send --------------------------------------------------------------------------------------------------

    @Test
    void sendIsAllowedWithSendAndRefusedWithout() throws JMSException {
        Session alice = session("alice");
        alice.createProducer(alice.createQueue("orders.eu")).send(alice.createTextMessage("from alice"));
        Session bob = session("bob");
        MessageProducer producer = bob.createProducer(bob.createQueue("orders.eu"));
        JMSSecurityException refused = assertThrows(JMSSecurityException.class,
                () -> producer.send(bob.createTextMessage("from bob")));
        assertNames(refused, "bob", "may not send to", "orders.eu");
        assertEquals(List.of("from alice"), browseAsRoot("orders.eu"));
    }

    @Test
    void aRefusedSendStoresNothing() throws JMSException {
        Session bob = session("bob");
        Queue orders = bob.createQueue("orders");
        assertThrows(JMSSecurityException.class, () -> bob.createProducer(orders).send(bob.createTextMessage("x")));
        Connection bobAgain = factory.createConnection("bob", "bob-secret");
        connections.add(bobAgain);
        Session transacted = bobAgain.createSession(Session.SESSION_TRANSACTED);
        assertThrows(JMSSecurityException.class,
                () -> transacted.createProducer(orders).send(transacted.createTextMessage("y")));
        transacted.commit();
        assertEquals(List.of(), browseAsRoot("orders"));
    }

    @Test
    void anUnidentifiedProducerIsCheckedForEachMessage() throws JMSException {
        Session alice = session("alice");
        MessageProducer anywhere = alice.createProducer(null);
        anywhere.send(alice.createQueue("orders"), alice.createTextMessage("allowed"));
        JMSSecurityException refused = assertThrows(JMSSecurityException.class,
                () -> anywhere.send(alice.createQueue("payments"), alice.createTextMessage("refused")));
        assertNames(refused, "alice", "may not send to", "payments");
        anywhere.send(alice.createQueue("orders"), alice.createTextMessage("allowed again"));
        assertEquals(List.of("allowed", "allowed again"), browseAsRoot("orders"));
        assertEquals(List.of(), browseAsRoot("payments"));
    }

    @Test
    void aJmsProducerRefusalIsAJmsSecurityRuntimeException() throws JMSException {
        try (JMSContext alice = factory.createContext("alice", "alice-secret");
             JMSContext bob = factory.createContext("bob", "bob-secret")) {
            alice.createProducer().send(alice.createQueue("orders"), "from alice");
            JMSSecurityRuntimeException refused = assertThrows(JMSSecurityRuntimeException.class,
                    () -> bob.createProducer().send(bob.createQueue("orders"), "from bob"));
            assertTrue(refused.getMessage().contains("may not send to 'orders'"), refused.getMessage());
        }
        assertEquals(List.of("from alice"), browseAsRoot("orders"));
    }

    // ---- consume -----------------------------------------------------------------------------------------------

    @Test
    void consumeIsAllowedWithConsumeAndRefusedWithoutOnEveryKindOfConsumer() throws JMSException {
        Session alice = session("alice", "alice-id");
        Queue orders = alice.createQueue("orders");
        Topic prices = alice.createTopic("prices");
        alice.createConsumer(orders).close();
        alice.createConsumer(prices).close();
        alice.createSharedConsumer(prices, "shared").close();

        Session bob = session("bob", "bob-id");
        List<JMSSecurityException> refusals = List.of(
                assertThrows(JMSSecurityException.class, () -> bob.createConsumer(orders)),
                assertThrows(JMSSecurityException.class, () -> bob.createConsumer(orders, "a = 1")),
                assertThrows(JMSSecurityException.class, () -> bob.createConsumer(prices)),
                assertThrows(JMSSecurityException.class, () -> bob.createSharedConsumer(prices, "shared")),
                assertThrows(JMSSecurityException.class, () -> bob.createDurableConsumer(prices, "d")),
                assertThrows(JMSSecurityException.class, () -> bob.createSharedDurableConsumer(prices, "sd")));
        assertNames(refusals.get(0), "bob", "may not consume from", "orders");
        assertNames(refusals.get(2), "bob", "may not consume from", "prices");
    }

    @Test
    void consumeIsCheckedForQueueAndTopicSessions() throws JMSException {
        jakarta.jms.QueueConnection queues = factory.createQueueConnection("bob", "bob-secret");
        connections.add(queues);
        jakarta.jms.QueueSession qs = queues.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThrows(JMSSecurityException.class, () -> qs.createReceiver(qs.createQueue("orders")));
        jakarta.jms.TopicConnection topics = factory.createTopicConnection("bob", "bob-secret");
        connections.add(topics);
        jakarta.jms.TopicSession ts = topics.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThrows(JMSSecurityException.class, () -> ts.createSubscriber(ts.createTopic("prices")));
        jakarta.jms.TopicConnection aliceTopics = factory.createTopicConnection("alice", "alice-secret");
        connections.add(aliceTopics);
        jakarta.jms.TopicSession allowed = aliceTopics.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
        allowed.createSubscriber(allowed.createTopic("prices")).close();
    }

    @Test
    void consumeIsCheckedForJmsContextConsumers() {
        try (JMSContext alice = factory.createContext("alice", "alice-secret");
             JMSContext bob = factory.createContext("bob", "bob-secret")) {
            alice.createConsumer(alice.createQueue("orders")).close();
            Topic prices = bob.createTopic("prices");
            assertThrows(JMSSecurityRuntimeException.class, () -> bob.createConsumer(bob.createQueue("orders")));
            assertThrows(JMSSecurityRuntimeException.class, () -> bob.createSharedConsumer(prices, "s"));
            assertThrows(JMSSecurityRuntimeException.class, () -> bob.createSharedDurableConsumer(prices, "sd"));
        }
    }

    @Test
    void consumeIsCheckedForConnectionConsumers() throws JMSException {
        Connection alice = factory.createConnection("alice", "alice-secret");
        connections.add(alice);
        alice.createConnectionConsumer(new io.h2mq.H2mqQueue("orders"), null, NO_SESSIONS, 1).close();
        Connection bob = factory.createConnection("bob", "bob-secret");
        connections.add(bob);
        bob.setClientID("bob-id");
        Topic prices = new io.h2mq.H2mqTopic("prices");
        assertThrows(JMSSecurityException.class,
                () -> bob.createConnectionConsumer(new io.h2mq.H2mqQueue("orders"), null, NO_SESSIONS, 1));
        assertThrows(JMSSecurityException.class,
                () -> bob.createSharedConnectionConsumer(prices, "s", null, NO_SESSIONS, 1));
        assertThrows(JMSSecurityException.class,
                () -> bob.createDurableConnectionConsumer(prices, "d", null, NO_SESSIONS, 1));
        assertThrows(JMSSecurityException.class,
                () -> bob.createSharedDurableConnectionConsumer(prices, "sd", null, NO_SESSIONS, 1));
    }

    // ---- browse ------------------------------------------------------------------------------------------------

    @Test
    void browseIsAllowedWithBrowseAndRefusedWithout() throws JMSException {
        Session alice = session("alice");
        alice.createProducer(alice.createQueue("orders")).send(alice.createTextMessage("one"));
        JMSSecurityException refused = assertThrows(JMSSecurityException.class,
                () -> alice.createBrowser(alice.createQueue("orders")));
        assertNames(refused, "alice", "may not browse", "orders");
        assertEquals(List.of("one"), browseAsRoot("orders"));
    }

    // ---- durable subscriptions ---------------------------------------------------------------------------------

    @Test
    void createDurableSubscriptionIsAllowedWithItAndRefusedWithoutCreatingAnything() throws JMSException {
        Session alice = session("alice", "shared-id");
        Topic prices = alice.createTopic("prices");
        JMSSecurityException refused = assertThrows(JMSSecurityException.class,
                () -> alice.createDurableConsumer(prices, "ticks"));
        assertNames(refused, "alice", "may not create a durable subscription on", "prices");
        assertThrows(InvalidDestinationException.class, () -> alice.unsubscribe("ticks"));
        connections.remove(0).close();

        Session root = session("root", "shared-id");
        root.createDurableConsumer(root.createTopic("prices"), "ticks").close();
        root.unsubscribe("ticks");
    }

    @Test
    void anExistingDurableSubscriptionNeedsOnlyConsume() throws JMSException {
        Session root = session("root", "shared-id");
        Topic prices = root.createTopic("prices");
        root.createDurableConsumer(prices, "ticks").close();
        root.createProducer(prices).send(root.createTextMessage("kept"));
        connections.remove(0).close();

        Session alice = session("alice", "shared-id");
        MessageConsumer consumer = alice.createDurableConsumer(alice.createTopic("prices"), "ticks");
        assertEquals("kept", ((TextMessage) consumer.receive(RECEIVE_MILLIS)).getText());
    }

    @Test
    void replacingADurableSubscriptionNeedsDeleteAndCreateAndARefusalKeepsIt() throws JMSException {
        Session root = session("root", "shared-id");
        Topic prices = root.createTopic("prices");
        root.createDurableConsumer(prices, "ticks").close();
        root.createProducer(prices).send(root.createTextMessage("kept"));
        connections.remove(0).close();

        Session alice = session("alice", "shared-id");
        JMSSecurityException refused = assertThrows(JMSSecurityException.class,
                () -> alice.createDurableConsumer(alice.createTopic("prices"), "ticks", "a = 1", false));
        assertNames(refused, "alice", "may not delete a durable subscription on", "prices");
        MessageConsumer unchanged = alice.createDurableConsumer(alice.createTopic("prices"), "ticks");
        assertEquals("kept", ((TextMessage) unchanged.receive(RECEIVE_MILLIS)).getText());
    }

    @Test
    void deleteDurableSubscriptionIsAllowedWithItAndRefusedWithoutDeletingAnything() throws JMSException {
        Session root = session("root", "shared-id");
        Topic prices = root.createTopic("prices");
        root.createDurableConsumer(prices, "ticks").close();
        root.createProducer(prices).send(root.createTextMessage("kept"));
        connections.remove(0).close();

        Session alice = session("alice", "shared-id");
        JMSSecurityException refused = assertThrows(JMSSecurityException.class, () -> alice.unsubscribe("ticks"));
        assertNames(refused, "alice", "may not delete a durable subscription on", "prices");
        try (JMSContext context = factory.createContext("alice", "alice-secret")) {
            context.setClientID("other-id");
            assertThrows(JMSSecurityRuntimeException.class, () -> {
                context.createDurableConsumer(context.createTopic("prices"), "mine").close();
            });
        }
        MessageConsumer stillThere = alice.createDurableConsumer(alice.createTopic("prices"), "ticks");
        assertEquals("kept", ((TextMessage) stillThere.receive(RECEIVE_MILLIS)).getText());
        stillThere.close();
        connections.remove(0).close();

        Session rootAgain = session("root", "shared-id");
        rootAgain.unsubscribe("ticks");
        assertThrows(InvalidDestinationException.class, () -> rootAgain.unsubscribe("ticks"));
    }

    // ---- temporary destinations --------------------------------------------------------------------------------

    @Test
    void temporaryDestinationsAreCheckedByTheirGeneratedNames() throws JMSException {
        Session root = session("root");
        TemporaryQueue replies = root.createTemporaryQueue();
        assertTrue(replies.getQueueName().startsWith("h2mq.temp.queue."), replies.getQueueName());
        root.createProducer(replies).send(root.createTextMessage("reply"));
        assertEquals("reply", ((TextMessage) root.createConsumer(replies).receive(RECEIVE_MILLIS)).getText());

        Session alice = session("alice");
        TemporaryQueue own = alice.createTemporaryQueue();
        JMSSecurityException send = assertThrows(JMSSecurityException.class,
                () -> alice.createProducer(replies).send(alice.createTextMessage("x")));
        assertNames(send, "alice", "may not send to", replies.getQueueName());
        assertThrows(JMSSecurityException.class, () -> alice.createConsumer(own));
        jakarta.jms.TemporaryTopic topic = alice.createTemporaryTopic();
        assertThrows(JMSSecurityException.class, () -> alice.createConsumer(topic));
    }

    // ---- manage ------------------------------------------------------------------------------------------------

    @Test
    void manageIsCheckedThroughTheFactorysAuthorizer() throws JMSException {
        Security security = Engines.security(factory.getOptions());
        Identity root = security.authenticate("root", "root-secret");
        Identity alice = security.authenticate("alice", "alice-secret");
        assertDoesNotThrow(() -> security.authorizer().check(root, Permission.MANAGE, "orders"));
        JMSSecurityException refused = assertThrows(JMSSecurityException.class,
                () -> security.authorizer().check(alice, Permission.MANAGE, "orders"));
        assertNames(refused, "alice", "may not manage", "orders");
        assertFalse(security.authorizer().allows(alice, Permission.MANAGE, "DLQ"));
        assertNotNull(security.toString());
    }

    @Test
    void manageLetsAnAdministratorPurgeAndMoveAsAMessagingUser() throws Exception {
        sendOrders(3);

        try (StoreAdmin root = StoreAdmin.open(factory.getOptions(), "root", "root-secret")) {
            assertEquals(3, root.move("orders.eu", "orders.archive", null, null));
            assertEquals(0, depth(root, "orders.eu"));
            assertEquals(3, root.purge("orders.archive", null, null));
            assertEquals(0, depth(root, "orders.archive"));
        }
    }

    @Test
    void manageRefusedPurgesMovesAndRetriesNothingAndShowsNoFigures() throws Exception {
        sendOrders(3);

        try (StoreAdmin alice = StoreAdmin.open(factory.getOptions(), "alice", "alice-secret")) {
            JMSSecurityException purge = assertThrows(JMSSecurityException.class,
                    () -> alice.purge("orders.eu", null, null));
            assertNames(purge, "alice", "may not manage", "orders.eu");
            assertThrows(JMSSecurityException.class, () -> alice.move("orders.eu", "orders.archive", null, null));
            assertThrows(JMSSecurityException.class, () -> alice.retryDeadLetters("DLQ", null));
            assertTrue(alice.statistics().isEmpty(), "figures of destinations alice may not manage");
        }
        try (StoreAdmin root = StoreAdmin.open(factory.getOptions(), "root", "root-secret")) {
            assertEquals(3, depth(root, "orders.eu"));
            assertTrue(root.statistics().stream().noneMatch(row -> row.destination().equals("orders.archive")),
                    "a refused move created its target");
        }
    }

    @Test
    void anAdministrationWithAWrongPasswordIsRefusedBeforeTheStoreOpens() {
        JMSSecurityException refused = assertThrows(JMSSecurityException.class,
                () -> StoreAdmin.open(factory.getOptions(), "root", "guessed-7f3a"));
        assertTrue(refused.getMessage().startsWith("user 'root'"), refused.getMessage());
        assertFalse(refused.getMessage().contains("guessed-7f3a"), refused.getMessage());
    }

    private void sendOrders(int count) throws JMSException {
        Session alice = session("alice");
        MessageProducer producer = alice.createProducer(alice.createQueue("orders.eu"));
        for (int i = 0; i < count; i++) {
            producer.send(alice.createTextMessage("order " + i));
        }
    }

    private static long depth(StoreAdmin admin, String queue) throws JMSException {
        return admin.statistics().stream().filter(row -> row.isQueue() && row.destination().equals(queue))
                .mapToLong(DestinationStatistics::depth).sum();
    }
}
