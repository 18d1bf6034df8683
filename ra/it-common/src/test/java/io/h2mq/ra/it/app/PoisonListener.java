package io.h2mq.ra.it.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * The queue Poison: records every delivery, then throws for messages carrying the {@code poison} property, so the
 * container rolls the delivery's transaction back and the adapter redelivers until the attempts are used up.
 */
@MessageDriven(name = "PoisonListener", activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Destinations.POISON),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")})
public class PoisonListener implements MessageListener {
    public static final String NAME = "poison";

    @EJB
    private Collector collector;

    @Override
    public void onMessage(Message message) {
        collector.record(NAME, Deliveries.of(message));
        if (isPoison(message)) {
            throw new IllegalStateException("refused on purpose: the test expects redelivery, then the DLQ");
        }
    }

    private static boolean isPoison(Message message) {
        try {
            return message.propertyExists(Destinations.POISON_PROPERTY);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }
}
