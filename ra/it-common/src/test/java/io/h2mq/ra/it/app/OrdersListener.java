package io.h2mq.ra.it.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** The queue Orders with at most five concurrent sessions; records every delivery and the concurrency it ran at. */
@MessageDriven(name = "OrdersListener", activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Destinations.ORDERS),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "5")})
public class OrdersListener implements MessageListener {
    public static final String NAME = "orders";

    @EJB
    private Collector collector;

    @Override
    public void onMessage(Message message) {
        collector.ordersEntered();
        try {
            collector.record(NAME, Deliveries.of(message));
        } finally {
            collector.ordersLeft();
        }
    }
}
