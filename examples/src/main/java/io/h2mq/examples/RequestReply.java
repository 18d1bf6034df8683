package io.h2mq.examples;

import javax.naming.InitialContext;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;

/**
 * Request/reply over queues: a requester sends {@value #REQUESTS} requests to the queue {@code Requests}, each with
 * {@code JMSReplyTo} set to its own temporary queue and a {@code JMSCorrelationID}; a responder on another connection
 * (a message listener) answers each to its reply-to queue with the same correlation id, and the requester checks
 * that the reply it receives carries the id of the request it waits for. Prints each round trip.
 *
 * <p>Requests live {@value #REQUEST_TIME_TO_LIVE_MS} ms: one left by an earlier run that stopped half-way expires,
 * and one the responder still sees is answered to a temporary queue that died with its connection, which the
 * responder reports and skips.
 */
public final class RequestReply {
    private static final int REQUESTS = 5;
    private static final long REQUEST_TIME_TO_LIVE_MS = 30_000;
    private static final long REPLY_TIMEOUT_MS = 30_000;

    public static void main(String[] args) throws Exception {
        InitialContext jndi = new InitialContext();
        ConnectionFactory factory = (ConnectionFactory) jndi.lookup("ConnectionFactory");
        Queue requests = (Queue) jndi.lookup("Requests");
        try (Connection responderConnection = factory.createConnection();
             Connection requesterConnection = factory.createConnection()) {
            startResponder(responderConnection, requests);

            Session session = requesterConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replyQueue = session.createTemporaryQueue();
            MessageConsumer replies = session.createConsumer(replyQueue);
            MessageProducer requester = session.createProducer(requests);
            requester.setTimeToLive(REQUEST_TIME_TO_LIVE_MS);
            requesterConnection.start();

            int matched = 0;
            for (int i = 1; i <= REQUESTS; i++) {
                matched += roundTrip(session, requester, replies, replyQueue, i) ? 1 : 0;
            }
            System.out.println(matched + " of " + REQUESTS + " requests answered and matched by correlation id");
            if (matched != REQUESTS) {
                throw new IllegalStateException((REQUESTS - matched) + " requests got no matching reply");
            }
        }
    }

    /** Sends request {@code i} and waits for its reply; true when the reply carries the request's correlation id. */
    private static boolean roundTrip(Session session, MessageProducer requester, MessageConsumer replies,
            TemporaryQueue replyQueue, int i) throws JMSException {
        String question = "question " + i;
        TextMessage request = session.createTextMessage(question);
        request.setJMSReplyTo(replyQueue);
        request.setJMSCorrelationID("request-" + i);
        long start = System.nanoTime();
        requester.send(request);
        Message reply = replies.receive(REPLY_TIMEOUT_MS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        String id = request.getJMSCorrelationID();
        if (reply == null) {
            System.out.println(id + ": no reply within " + REPLY_TIMEOUT_MS + " ms");
            return false;
        }
        if (!id.equals(reply.getJMSCorrelationID())) {
            System.out.println(id + ": a reply to " + reply.getJMSCorrelationID() + " came instead");
            return false;
        }
        System.out.println(id + ": '" + question + "' -> '" + reply.getBody(String.class) + "' in " + millis + " ms");
        return true;
    }

    /** Answers every request with its text in upper case, to its reply-to queue, under its correlation id. */
    private static void startResponder(Connection connection, Queue requests) throws JMSException {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer replier = session.createProducer(null); // the destination is each request's reply-to
        session.createConsumer(requests).setMessageListener(request -> {
            try {
                TextMessage reply = session.createTextMessage(request.getBody(String.class).toUpperCase());
                reply.setJMSCorrelationID(request.getJMSCorrelationID());
                replier.send(request.getJMSReplyTo(), reply);
            } catch (InvalidDestinationException e) {
                System.out.println("skipped a request of an earlier run: its reply queue is gone");
            } catch (JMSException e) {
                throw new IllegalStateException("answering a request failed", e);
            }
        });
        connection.start();
    }
}
