package io.h2mq.ra.it.redeploy;

import io.h2mq.ra.it.app.Destinations;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;

/**
 * A durable subscriber on Prices in an application of its own, which the redeployment test deploys and undeploys.
 * It forwards each body to the queue Received in the delivery's own XA transaction, so what the test reads there
 * is exactly what the subscription delivered and the listener committed, and it survives the undeployment.
 */
@MessageDriven(name = "ForwardingListener", activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Destinations.PRICES),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "h2mq-it-redeploy"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "forwarder")})
public class ForwardingListener implements MessageListener {
    @Resource(lookup = Destinations.CONNECTION_FACTORY)
    private ConnectionFactory factory;

    @Resource(lookup = Destinations.RECEIVED)
    private Queue received;

    @Override
    public void onMessage(Message message) {
        try (JMSContext context = factory.createContext()) {
            context.createProducer().send(received, message.getBody(String.class));
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot forward: " + e.getMessage(), e.getErrorCode(), e);
        }
    }
}
