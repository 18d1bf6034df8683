package io.h2mq.client;

import static io.h2mq.client.Jms.drainNoWait;
import static io.h2mq.client.Jms.receiveTexts;
import static io.h2mq.client.Jms.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.H2mqConnectionFactory;

import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

/** Topics: fan-out, selectors, noLocal, durable, shared and shared durable subscriptions. */
@Timeout(30)
class TopicMessagingTest {
    @TempDir
    Path dir;

    H2mqConnectionFactory factory;
    Connection connection;
    Session session;
    Topic topic;

    @BeforeEach
    void connect() throws JMSException {
        factory = StoreFixture.factory(dir);
        connection = factory.createConnection();
        connection.setClientID("topic-test");
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        topic = session.createTopic("prices");
        connection.start();
    }

    @AfterEach
    void close() throws JMSException {
        connection.close();
    }

    private void publishColours(String... colours) throws JMSException {
        MessageProducer producer = session.createProducer(topic);
        for (String colour : colours) {
            TextMessage m = session.createTextMessage(colour);
            m.setStringProperty("colour", colour);
            producer.send(m);
        }
        producer.close();
    }

    // ---- non-durable -------------------------------------------------------------------------------------------

    @Test
    void everySubscriberGetsEveryMessage() throws JMSException {
        List<MessageConsumer> subscribers = List.of(session.createConsumer(topic),
                connection.createSession().createConsumer(topic), connection.createSession().createConsumer(topic));
        send(session, topic, "p1", "p2", "p3");
        for (MessageConsumer subscriber : subscribers) {
            assertEquals(List.of("p1", "p2", "p3"), receiveTexts(subscriber, 3));
            assertNull(subscriber.receiveNoWait());
        }
    }

    @Test
    void subscriberCreatedAfterAPublishDoesNotGetIt() throws JMSException {
        MessageConsumer early = session.createConsumer(topic);
        send(session, topic, "before");
        MessageConsumer late = session.createConsumer(topic);
        send(session, topic, "after");
        assertEquals(List.of("before", "after"), receiveTexts(early, 2));
        assertEquals(List.of("after"), receiveTexts(late, 1));
        assertNull(late.receiveNoWait());
    }

    @Test
    void subscriberWithASelectorGetsOnlyMatchingMessages() throws JMSException {
        MessageConsumer reds = session.createConsumer(topic, "colour = 'red'");
        MessageConsumer notRed = session.createConsumer(topic, "colour <> 'red'");
        publishColours("red", "blue", "red", "green");
        assertEquals(List.of("red", "red"), receiveTexts(reds, 2));
        assertEquals(List.of("blue", "green"), receiveTexts(notRed, 2));
        assertEquals(List.of(), drainNoWait(reds));
        assertEquals(List.of(), drainNoWait(notRed));
    }

    @Test
    void noLocalSubscriberIgnoresItsOwnConnectionButGetsOthers() throws JMSException {
        MessageConsumer noLocal = session.createConsumer(topic, null, true);
        MessageConsumer all = session.createConsumer(topic);
        Connection other = factory.createConnection();
        try {
            send(session, topic, "mine");
            Session otherSession = other.createSession();
            send(otherSession, topic, "theirs");
            assertEquals(List.of("theirs"), receiveTexts(noLocal, 1));
            assertNull(noLocal.receiveNoWait());
            assertEquals(List.of("mine", "theirs"), receiveTexts(all, 2));
        } finally {
            other.close();
        }
    }

    // ---- durable -----------------------------------------------------------------------------------------------

    @Test
    void durableSubscriberGetsMessagesPublishedWhileItWasClosed() throws JMSException {
        session.createDurableConsumer(topic, "audit").close();
        send(session, topic, "while-away-1", "while-away-2");
        MessageConsumer back = session.createDurableConsumer(topic, "audit");
        assertEquals(List.of("while-away-1", "while-away-2"), receiveTexts(back, 2));
        back.close();
        session.unsubscribe("audit");
    }

    @Test
    void durableSubscriptionSurvivesTheConnection() throws JMSException {
        Connection first = factory.createConnection();
        first.setClientID("survivor");
        first.createSession().createDurableSubscriber(topic, "keep").close();
        first.close();
        send(session, topic, "kept");
        Connection second = factory.createConnection();
        try {
            second.setClientID("survivor");
            second.start();
            Session s = second.createSession();
            MessageConsumer consumer = s.createDurableSubscriber(topic, "keep");
            assertEquals(List.of("kept"), receiveTexts(consumer, 1));
            consumer.close();
            s.unsubscribe("keep");
        } finally {
            second.close();
        }
    }

    @Test
    void durableSubscriptionWithAChangedSelectorIsReplacedAndLosesItsMessages() throws JMSException {
        session.createDurableConsumer(topic, "changing", "colour = 'red'", false).close();
        publishColours("red", "blue");
        MessageConsumer replaced = session.createDurableConsumer(topic, "changing", "colour = 'blue'", false);
        assertEquals(List.of(), drainNoWait(replaced), "the old subscription and its messages are gone");
        publishColours("red", "blue");
        assertEquals(List.of("blue"), receiveTexts(replaced, 1));
        assertNull(replaced.receiveNoWait());
    }

    @Test
    void durableSubscriptionOnAnotherTopicIsReplaced() throws JMSException {
        session.createDurableConsumer(topic, "moving").close();
        send(session, topic, "old-topic");
        Topic other = session.createTopic("prices.other");
        MessageConsumer moved = session.createDurableConsumer(other, "moving");
        assertEquals(List.of(), drainNoWait(moved));
        send(session, other, "new-topic");
        assertEquals(List.of("new-topic"), receiveTexts(moved, 1));
    }

    @Test
    void unsubscribeWhileTheSubscriptionHasAnActiveConsumerIsRefused() throws JMSException {
        session.createDurableConsumer(topic, "busy");
        assertThrows(jakarta.jms.IllegalStateException.class, () -> session.unsubscribe("busy"));
    }

    @Test
    void unsubscribeOfAnUnknownNameIsAnInvalidDestination() {
        assertThrows(InvalidDestinationException.class, () -> session.unsubscribe("never-created"));
    }

    @Test
    void unsubscribedDurableSubscriptionKeepsNoMessages() throws JMSException {
        session.createDurableConsumer(topic, "gone").close();
        send(session, topic, "lost");
        session.unsubscribe("gone");
        MessageConsumer fresh = session.createDurableConsumer(topic, "gone");
        assertEquals(List.of(), drainNoWait(fresh));
    }

    @Test
    void secondConsumerOnAnUnsharedDurableSubscriptionIsRefused() throws JMSException {
        session.createDurableConsumer(topic, "single");
        Session other = connection.createSession();
        assertThrows(JMSException.class, () -> other.createDurableConsumer(topic, "single"));
        assertThrows(JMSException.class, () -> session.createDurableSubscriber(topic, "single"));
    }

    @Test
    void unsharedDurableSubscriptionWithoutClientIdIsIllegalState() throws JMSException {
        Connection anonymous = factory.createConnection();
        try {
            Session s = anonymous.createSession();
            assertThrows(jakarta.jms.IllegalStateException.class, () -> s.createDurableConsumer(topic, "nameless"));
        } finally {
            anonymous.close();
        }
    }

    // ---- shared ------------------------------------------------------------------------------------------------

    @Test
    void twoConsumersOnASharedSubscriptionSplitTheMessages() throws JMSException {
        MessageConsumer one = session.createSharedConsumer(topic, "workers");
        MessageConsumer two = connection.createSession().createSharedConsumer(topic, "workers");
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add("w" + i);
        }
        send(session, topic, sent.toArray(String[]::new));

        List<String> got = new ArrayList<>();
        got.addAll(receiveTexts(one, 1));
        got.addAll(receiveTexts(two, 1));
        got.addAll(drainNoWait(one));
        got.addAll(drainNoWait(two));

        assertEquals(10, got.size(), "each message once: " + got);
        assertEquals(Set.copyOf(sent), new HashSet<>(got));
    }

    @Test
    void sharedSubscriptionAndOrdinarySubscriberEachGetTheMessage() throws JMSException {
        MessageConsumer shared = session.createSharedConsumer(topic, "pool");
        MessageConsumer plain = session.createConsumer(topic);
        send(session, topic, "both");
        assertEquals(List.of("both"), receiveTexts(shared, 1));
        assertEquals(List.of("both"), receiveTexts(plain, 1));
    }

    @Test
    void sharedNonDurableSubscriptionEndsWithItsLastConsumer() throws JMSException {
        session.createSharedConsumer(topic, "ephemeral").close();
        send(session, topic, "nobody-listening");
        MessageConsumer again = session.createSharedConsumer(topic, "ephemeral");
        assertEquals(List.of(), drainNoWait(again));
    }

    @Test
    void sharedDurableSubscriptionSurvivesItsConsumersClosing() throws JMSException {
        MessageConsumer a = session.createSharedDurableConsumer(topic, "ledger");
        MessageConsumer b = connection.createSession().createSharedDurableConsumer(topic, "ledger");
        a.close();
        b.close();
        send(session, topic, "l1", "l2");
        MessageConsumer again = session.createSharedDurableConsumer(topic, "ledger");
        assertEquals(List.of("l1", "l2"), receiveTexts(again, 2));
        again.close();
        session.unsubscribe("ledger");
    }

    @Test
    void sharedDurableSubscriptionWorksWithoutClientId() throws JMSException {
        Connection anonymous = factory.createConnection();
        try {
            anonymous.start();
            Session s = anonymous.createSession();
            s.createSharedDurableConsumer(topic, "no-client-id").close();
            send(session, topic, "kept");
            MessageConsumer consumer = s.createSharedDurableConsumer(topic, "no-client-id");
            assertEquals(List.of("kept"), receiveTexts(consumer, 1));
            consumer.close();
            s.unsubscribe("no-client-id");
        } finally {
            anonymous.close();
        }
    }

    @Test
    void unsharedAndSharedDurableSubscriptionsShareOneNamespace() throws JMSException {
        session.createDurableConsumer(topic, "taken").close();
        assertThrows(JMSException.class, () -> session.createSharedDurableConsumer(topic, "taken"));
    }

    @Test
    void sharedSubscriptionsOfDifferentClientIdsAreSeparate() throws JMSException {
        Connection other = factory.createConnection();
        try {
            other.setClientID("another-client");
            other.start();
            MessageConsumer mine = session.createSharedConsumer(topic, "same-name");
            MessageConsumer theirs = other.createSession().createSharedConsumer(topic, "same-name");
            send(session, topic, "each");
            assertEquals(List.of("each"), receiveTexts(mine, 1));
            assertEquals(List.of("each"), receiveTexts(theirs, 1));
        } finally {
            other.close();
        }
    }

    @Test
    void joiningAnActiveSharedSubscriptionWithAnotherSelectorIsRefused() throws JMSException {
        MessageConsumer active = session.createSharedConsumer(topic, "picky", "colour = 'red'");
        assertThrows(JMSException.class, () -> session.createSharedConsumer(topic, "picky", "colour = 'blue'"));
        active.close();
        MessageConsumer replaced = session.createSharedConsumer(topic, "picky", "colour = 'blue'");
        publishColours("red", "blue");
        assertEquals(List.of("blue"), receiveTexts(replaced, 1));
    }

    @Test
    void durableAndSharedNonDurableSubscriptionsOfTheSameNameAreSeparate() throws JMSException {
        MessageConsumer durable = session.createDurableConsumer(topic, "twin");
        MessageConsumer shared = session.createSharedConsumer(topic, "twin");
        send(session, topic, "both");
        assertEquals(List.of("both"), receiveTexts(durable, 1));
        assertEquals(List.of("both"), receiveTexts(shared, 1));
    }

    @Test
    void durableNoLocalSubscriberIgnoresItsOwnConnection() throws JMSException {
        MessageConsumer durable = session.createDurableConsumer(topic, "not-mine", null, true);
        Connection other = factory.createConnection();
        try {
            send(session, topic, "mine");
            send(other.createSession(), topic, "theirs");
            assertEquals(List.of("theirs"), receiveTexts(durable, 1));
            assertNull(durable.receiveNoWait());
        } finally {
            other.close();
        }
    }
}
