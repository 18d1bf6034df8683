package io.h2mq.client;

import static io.h2mq.client.Jms.receiveTexts;
import static io.h2mq.client.Jms.send;
import static io.h2mq.client.Jms.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.H2mqConnectionFactory;

import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;

/** Temporary queues and topics: request-reply, lifetime bound to the connection, owner-only consumers. */
@Timeout(30)
class TemporaryDestinationTest {
    @TempDir
    Path dir;

    H2mqConnectionFactory factory;
    Connection requester;
    Connection responder;
    Session requesterSession;
    Session responderSession;

    @BeforeEach
    void connect() throws JMSException {
        factory = StoreFixture.factory(dir);
        requester = factory.createConnection();
        responder = factory.createConnection();
        requesterSession = requester.createSession();
        responderSession = responder.createSession();
        requester.start();
        responder.start();
    }

    @AfterEach
    void close() throws JMSException {
        requester.close();
        responder.close();
    }

    @Test
    void temporaryQueueCarriesTheReplyOfARequest() throws Exception {
        Queue requests = requesterSession.createQueue("requests");
        CompletableFuture<Void> replied = new CompletableFuture<>();
        MessageProducer replies = responderSession.createProducer(null);
        responderSession.createConsumer(requests).setMessageListener(request -> {
            try {
                Message reply = responderSession.createTextMessage("re: " + text(request));
                reply.setJMSCorrelationID(request.getJMSMessageID());
                replies.send(request.getJMSReplyTo(), reply);
                replied.complete(null);
            } catch (JMSException e) {
                replied.completeExceptionally(e);
            }
        });
        TemporaryQueue replyTo = requesterSession.createTemporaryQueue();
        MessageConsumer replyConsumer = requesterSession.createConsumer(replyTo);
        Message request = requesterSession.createTextMessage("ping");
        request.setJMSReplyTo(replyTo);
        requesterSession.createProducer(requests).send(request);

        replied.get(10, TimeUnit.SECONDS);
        Message reply = replyConsumer.receive(Jms.RECEIVE_MILLIS);
        assertEquals("re: ping", text(reply));
        assertEquals(request.getJMSMessageID(), reply.getJMSCorrelationID());
        assertEquals(replyTo, reply.getJMSDestination());
    }

    @Test
    void temporaryTopicDeliversToItsOwnSubscribers() throws JMSException {
        TemporaryTopic topic = requesterSession.createTemporaryTopic();
        MessageConsumer subscriber = requesterSession.createConsumer(topic);
        send(responderSession, topic, "broadcast");
        assertEquals(List.of("broadcast"), receiveTexts(subscriber, 1));
    }

    @Test
    void temporaryQueueIsGoneOnceItsConnectionCloses() throws JMSException {
        Connection owner = factory.createConnection();
        TemporaryQueue queue = owner.createSession().createTemporaryQueue();
        owner.close();
        MessageProducer producer = responderSession.createProducer(queue);
        assertThrows(InvalidDestinationException.class,
                () -> producer.send(responderSession.createTextMessage("too late")));
    }

    @Test
    void temporaryTopicIsGoneOnceItsConnectionCloses() throws JMSException {
        Connection owner = factory.createConnection();
        TemporaryTopic topic = owner.createSession().createTemporaryTopic();
        owner.close();
        MessageProducer producer = responderSession.createProducer(topic);
        assertThrows(InvalidDestinationException.class,
                () -> producer.send(responderSession.createTextMessage("too late")));
    }

    @Test
    void deletedTemporaryQueueRefusesSends() throws JMSException {
        TemporaryQueue queue = requesterSession.createTemporaryQueue();
        queue.delete();
        assertThrows(InvalidDestinationException.class,
                () -> requesterSession.createProducer(queue).send(requesterSession.createTextMessage("x")));
    }

    @Test
    void deletingATemporaryQueueWithAnActiveConsumerIsRefused() throws JMSException {
        TemporaryQueue queue = requesterSession.createTemporaryQueue();
        MessageConsumer consumer = requesterSession.createConsumer(queue);
        assertThrows(JMSException.class, queue::delete);
        send(responderSession, queue, "still-there");
        assertEquals(List.of("still-there"), receiveTexts(consumer, 1));
        consumer.close();
        queue.delete();
    }

    @Test
    void deletingATemporaryTopicWithAnActiveSubscriberIsRefused() throws JMSException {
        TemporaryTopic topic = requesterSession.createTemporaryTopic();
        MessageConsumer subscriber = requesterSession.createConsumer(topic);
        assertThrows(JMSException.class, topic::delete);
        subscriber.close();
        topic.delete();
    }

    @Test
    void consumerOfAnotherConnectionsTemporaryQueueIsRefused() throws JMSException {
        TemporaryQueue queue = requesterSession.createTemporaryQueue();
        assertThrows(InvalidDestinationException.class, () -> responderSession.createConsumer(queue));
    }

    @Test
    void consumerOfAnotherConnectionsTemporaryTopicIsRefused() throws JMSException {
        TemporaryTopic topic = requesterSession.createTemporaryTopic();
        assertThrows(InvalidDestinationException.class, () -> responderSession.createConsumer(topic));
    }

    @Test
    void temporaryQueueReceivedAsReplyToCannotBeConsumedByTheReceiver() throws JMSException {
        Queue requests = requesterSession.createQueue("requests");
        TemporaryQueue replyTo = requesterSession.createTemporaryQueue();
        Message request = requesterSession.createTextMessage("ping");
        request.setJMSReplyTo(replyTo);
        requesterSession.createProducer(requests).send(request);
        Destination decoded = responderSession.createConsumer(requests).receive(Jms.RECEIVE_MILLIS).getJMSReplyTo();
        assertTrue(decoded instanceof TemporaryQueue);
        assertEquals(replyTo, decoded);
        assertThrows(InvalidDestinationException.class, () -> responderSession.createConsumer(decoded));
    }
}
