package io.h2mq.ra.it.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** A durable subscription (client ID + subscription name) on the topic Prices; records every delivery. */
@MessageDriven(name = "PricesListener", activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Destinations.PRICES),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "h2mq-it-app"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "prices")})
public class PricesListener implements MessageListener {
    public static final String NAME = "prices";

    @EJB
    private Collector collector;

    @Override
    public void onMessage(Message message) {
        collector.record(NAME, Deliveries.of(message));
    }
}
