package io.h2mq.examples;

import java.util.Enumeration;

import javax.naming.InitialContext;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

/**
 * Move a message from one queue to another in one transaction: a transacted session receives a payment from the
 * queue {@code Inbox} and sends it on to the queue {@code Outbox}. The first attempt is rolled back: the payment is
 * back on the inbox, marked redelivered, and the outbox is empty. The second attempt is committed: the payment has
 * moved. Prints both queues after each step.
 *
 * <p>The queues are durable, so a previous run stopped half-way may have left messages in them: they are drained
 * first.
 */
public final class TransactedTransfer {
    private static final long RECEIVE_TIMEOUT_MS = 10_000;

    public static void main(String[] args) throws Exception {
        InitialContext jndi = new InitialContext();
        ConnectionFactory factory = (ConnectionFactory) jndi.lookup("ConnectionFactory");
        Queue inbox = (Queue) jndi.lookup("Inbox");
        Queue outbox = (Queue) jndi.lookup("Outbox");
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session plain = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            System.out.println("drained " + (drain(plain, inbox) + drain(plain, outbox))
                    + " messages left by an earlier run");
            plain.createProducer(inbox).send(plain.createTextMessage("payment 42"));
            System.out.println("sent 'payment 42' to the inbox");

            Session transfer = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer fromInbox = transfer.createConsumer(inbox);
            MessageProducer toOutbox = transfer.createProducer(outbox);

            Message first = move(fromInbox, toOutbox, transfer);
            transfer.rollback();
            int[] afterRollback = {count(plain, inbox), count(plain, outbox)};
            System.out.println("rolled back: inbox " + afterRollback[0] + ", outbox " + afterRollback[1]);

            Message second = move(fromInbox, toOutbox, transfer);
            transfer.commit();
            int[] afterCommit = {count(plain, inbox), count(plain, outbox)};
            System.out.println("committed: inbox " + afterCommit[0] + ", outbox " + afterCommit[1]);
            Message moved = plain.createConsumer(outbox).receive(RECEIVE_TIMEOUT_MS);
            String movedBody = moved == null ? null : moved.getBody(String.class);
            System.out.println("received from the outbox: " + (movedBody == null ? "nothing" : "'" + movedBody + "'"));

            boolean asClaimed = !first.getJMSRedelivered() && second.getJMSRedelivered()
                    && afterRollback[0] == 1 && afterRollback[1] == 0
                    && afterCommit[0] == 0 && afterCommit[1] == 1
                    && "payment 42".equals(movedBody);
            if (!asClaimed) {
                throw new IllegalStateException("the rollback or the commit did not do what it should");
            }
        }
    }

    /** Receives the payment and sends it on, both in the session's open transaction. */
    private static Message move(MessageConsumer from, MessageProducer to, Session transaction) throws JMSException {
        Message payment = from.receive(RECEIVE_TIMEOUT_MS);
        if (payment == null) {
            throw new IllegalStateException("no payment on the inbox within " + RECEIVE_TIMEOUT_MS + " ms");
        }
        String body = payment.getBody(String.class);
        to.send(transaction.createTextMessage(body));
        System.out.println("received '" + body + "' (redelivered=" + payment.getJMSRedelivered()
                + ", delivery count " + payment.getIntProperty("JMSXDeliveryCount") + ") and sent it to the outbox");
        return payment;
    }

    private static int count(Session session, Queue queue) throws JMSException {
        try (QueueBrowser browser = session.createBrowser(queue)) {
            Enumeration<?> messages = browser.getEnumeration();
            int count = 0;
            for (; messages.hasMoreElements(); messages.nextElement()) {
                count++;
            }
            return count;
        }
    }

    private static int drain(Session session, Queue queue) throws JMSException {
        try (MessageConsumer consumer = session.createConsumer(queue)) {
            int drained = 0;
            while (consumer.receiveNoWait() != null) {
                drained++;
            }
            return drained;
        }
    }
}
