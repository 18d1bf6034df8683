package io.h2mq.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.naming.InitialContext;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/**
 * Delivery delay: a producer sends three reminders to the queue {@code Reminders} with the delivery delays
 * {@code 1500}, {@code 500} and {@code 1000} ms, in that order, and a consumer waiting from the start receives them
 * by delivery time (500, 1000, 1500), each no earlier than its delay after it was sent. Prints each arrival with the
 * delay measured from the message's send time ({@code JMSTimestamp}) to its arrival, both on the wall clock the
 * provider stamps the delivery time ({@code JMSDeliveryTime}) with.
 *
 * <p>The queue is durable, so a previous run stopped half-way may have left reminders in it: they are drained
 * first, waiting out the longest delay so that none of them is still to come.
 */
public final class DeliveryDelay {
    private static final long[] DELAYS_MS = {1500, 500, 1000};
    private static final long LONGEST_DELAY_MS = Arrays.stream(DELAYS_MS).max().orElseThrow();
    private static final long RECEIVE_TIMEOUT_MS = 10_000;

    public static void main(String[] args) throws Exception {
        InitialContext jndi = new InitialContext();
        ConnectionFactory factory = (ConnectionFactory) jndi.lookup("ConnectionFactory");
        Queue reminders = (Queue) jndi.lookup("Reminders");
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(reminders);
            System.out.println("drained " + drain(consumer) + " reminders left by an earlier run");

            MessageProducer producer = session.createProducer(reminders);
            for (long delay : DELAYS_MS) {
                producer.setDeliveryDelay(delay);
                producer.send(session.createTextMessage("in " + delay + " ms"));
                System.out.println("sent 'in " + delay + " ms' with a delivery delay of " + delay + " ms");
            }

            List<Long> arrivalOrder = new ArrayList<>();
            boolean early = false;
            for (int i = 0; i < DELAYS_MS.length; i++) {
                Message reminder = consumer.receive(RECEIVE_TIMEOUT_MS);
                if (reminder == null) {
                    break;
                }
                long arrived = System.currentTimeMillis();
                long delay = reminder.getJMSDeliveryTime() - reminder.getJMSTimestamp();
                long measured = arrived - reminder.getJMSTimestamp();
                early |= arrived < reminder.getJMSDeliveryTime();
                arrivalOrder.add(delay);
                System.out.println("received '" + reminder.getBody(String.class) + "' after " + measured
                        + " ms (delay " + delay + " ms)");
            }
            System.out.println("arrival order by delay: " + arrivalOrder);
            List<Long> deliveryOrder = Arrays.stream(DELAYS_MS).sorted().boxed().toList();
            if (early || !arrivalOrder.equals(deliveryOrder)) {
                throw new IllegalStateException("a reminder came early, went missing or out of delivery order");
            }
        }
    }

    private static int drain(MessageConsumer consumer) throws JMSException {
        int drained = 0;
        while (consumer.receive(LONGEST_DELAY_MS) != null) {
            drained++;
        }
        return drained;
    }
}
