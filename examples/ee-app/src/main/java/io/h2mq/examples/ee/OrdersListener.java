package io.h2mq.examples.ee;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Consumes the orders. The h2mq resource adapter feeds it: {@code maxSession} sessions receive concurrently, each
 * message inside a container transaction (the default, REQUIRED), so an exception from {@code onMessage} rolls the
 * delivery back and the message comes again, marked redelivered.
 *
 * <p>Which resource adapter feeds the bean is server configuration, not code: {@code WEB-INF/jboss-ejb3.xml}
 * (WildFly), {@code WEB-INF/glassfish-ejb-jar.xml} (Payara, GlassFish), a {@code jmsActivationSpec} in
 * {@code server.xml} (Open Liberty). They name the bean by {@link #NAME}.
 */
@MessageDriven(name = OrdersListener.NAME, activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Names.ORDERS),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        // At most five orders in progress at once; the adapter's default is 15.
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "5")})
public class OrdersListener implements MessageListener {
    public static final String NAME = "OrdersListener";

    @EJB
    private OrderCounts counts;

    @Override
    public void onMessage(Message message) {
        try {
            counts.received(message.getJMSRedelivered());
        } catch (JMSException e) {
            // Thrown out of onMessage, it rolls the delivery back: the message is not lost.
            throw new EJBException("cannot read JMSRedelivered of " + message, e);
        }
    }
}
