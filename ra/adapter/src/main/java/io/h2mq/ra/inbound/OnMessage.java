package io.h2mq.ra.inbound;

import java.lang.System.Logger.Level;
import java.lang.reflect.Method;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * The endpoint method every delivery calls, {@link MessageListener#onMessage}, and the call itself: a bean whose
 * onMessage throws is not a failure of the activation, so the exception is logged with the message's identity and
 * the caller hands the message back (or its container rolls the transaction back).
 */
final class OnMessage {
    private static final System.Logger LOG = System.getLogger(OnMessage.class.getName());

    static final Method METHOD = onMessageMethod();

    private OnMessage() {
    }

    /** Calls {@code listener.onMessage(message)}; false if it threw. */
    static boolean deliver(MessageListener listener, Message message, Object source) {
        try {
            listener.onMessage(message);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "h2mq message-driven bean threw from onMessage for message " + idOf(message)
                    + " of " + source + " (delivery " + deliveryCountOf(message) + "); it will be delivered again", e);
            return false;
        }
    }

    private static String idOf(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(message ID unreadable: " + e.getMessage() + ")";
        }
    }

    private static String deliveryCountOf(Message message) {
        try {
            return String.valueOf(message.getIntProperty("JMSXDeliveryCount"));
        } catch (JMSException e) {
            return "count unreadable: " + e.getMessage();
        }
    }

    private static Method onMessageMethod() {
        try {
            return MessageListener.class.getMethod("onMessage", Message.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("jakarta.jms.MessageListener on the class path has no "
                    + "onMessage(Message): " + e.getMessage(), e);
        }
    }
}
