package io.h2mq.ra.inbound;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

/** What an endpoint saw of one delivery. */
record Received(String text, String messageId, boolean redelivered, int deliveryCount, String thread) {

    static Received of(Message message) {
        try {
            return new Received(((TextMessage) message).getText(), message.getJMSMessageID(),
                    message.getJMSRedelivered(), message.getIntProperty("JMSXDeliveryCount"),
                    Thread.currentThread().getName());
        } catch (JMSException e) {
            throw new AssertionError("cannot read delivered message " + message, e);
        }
    }
}
