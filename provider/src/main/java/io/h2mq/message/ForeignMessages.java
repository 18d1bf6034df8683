package io.h2mq.message;

import java.util.Enumeration;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

/**
 * Converts another provider's message into ours for sending, reading it only through the standard interfaces
 * (the spec requires a provider to send foreign messages; TCK {@code foreignMsgQueue}). Bytes and stream bodies are
 * read after {@code reset()}, which leaves the foreign message in read-only mode, as other providers do too.
 * Headers the sender sets anyway (message ID, timestamp, destination, expiration, priority, delivery mode and time)
 * are copied as well, so the copy is complete even before the send path overwrites them.
 */
final class ForeignMessages {
    private static final int CHUNK = 8192;

    private ForeignMessages() {
    }

    static H2mqMessage convert(Message foreign) throws JMSException {
        H2mqMessage copy = copyBody(foreign);
        copyHeaders(foreign, copy);
        copyProperties(foreign, copy);
        return copy;
    }

    private static H2mqMessage copyBody(Message foreign) throws JMSException {
        if (foreign instanceof TextMessage text) {
            return new H2mqTextMessage(text.getText());
        }
        if (foreign instanceof ObjectMessage object) {
            H2mqObjectMessage copy = new H2mqObjectMessage();
            copy.setObject(object.getObject());
            return copy;
        }
        if (foreign instanceof BytesMessage bytes) {
            return copyBytes(bytes);
        }
        if (foreign instanceof MapMessage map) {
            return copyMap(map);
        }
        if (foreign instanceof StreamMessage stream) {
            return copyStream(stream);
        }
        return new H2mqMessage();
    }

    private static H2mqMessage copyBytes(BytesMessage foreign) throws JMSException {
        H2mqBytesMessage copy = new H2mqBytesMessage();
        foreign.reset();
        byte[] chunk = new byte[CHUNK];
        int n;
        while ((n = foreign.readBytes(chunk)) > 0) {
            copy.writeBytes(chunk, 0, n);
        }
        copy.reset();
        return copy;
    }

    private static H2mqMessage copyMap(MapMessage foreign) throws JMSException {
        H2mqMapMessage copy = new H2mqMapMessage();
        for (Enumeration<?> names = foreign.getMapNames(); names.hasMoreElements();) {
            String name = (String) names.nextElement();
            copy.setObject(name, foreign.getObject(name));
        }
        return copy;
    }

    private static H2mqMessage copyStream(StreamMessage foreign) throws JMSException {
        H2mqStreamMessage copy = new H2mqStreamMessage();
        foreign.reset();
        while (true) {
            Object value;
            try {
                value = foreign.readObject();
            } catch (MessageEOFException end) {
                break;
            }
            copy.writeObject(value);
        }
        copy.reset();
        return copy;
    }

    private static void copyHeaders(Message foreign, H2mqMessage copy) throws JMSException {
        copy.setJMSMessageID(foreign.getJMSMessageID());
        copy.setJMSTimestamp(foreign.getJMSTimestamp());
        byte[] correlationBytes = correlationIdBytes(foreign);
        if (foreign.getJMSCorrelationID() != null || correlationBytes == null) {
            copy.setJMSCorrelationID(foreign.getJMSCorrelationID());
        } else {
            copy.setJMSCorrelationIDAsBytes(correlationBytes);
        }
        copy.setJMSReplyTo(Destinations.toH2mq(foreign.getJMSReplyTo()));
        copy.setJMSDestination(Destinations.toH2mq(foreign.getJMSDestination()));
        int mode = foreign.getJMSDeliveryMode();
        if (mode == jakarta.jms.DeliveryMode.PERSISTENT || mode == jakarta.jms.DeliveryMode.NON_PERSISTENT) {
            copy.setJMSDeliveryMode(mode);
        }
        copy.setJMSType(foreign.getJMSType());
        copy.setJMSExpiration(foreign.getJMSExpiration());
        copy.setJMSPriority(foreign.getJMSPriority());
        copy.setJMSDeliveryTime(deliveryTime(foreign));
    }

    /** Many providers do not support correlation IDs as bytes; such a failure just means there are none. */
    private static byte[] correlationIdBytes(Message foreign) {
        try {
            return foreign.getJMSCorrelationIDAsBytes();
        } catch (JMSException | RuntimeException unsupported) {
            return null;
        }
    }

    /** A JMS 1.1 implementation has no delivery time (AbstractMethodError); JMS 2 ones may throw. */
    private static long deliveryTime(Message foreign) {
        try {
            return foreign.getJMSDeliveryTime();
        } catch (JMSException | RuntimeException | AbstractMethodError unsupported) {
            return 0L;
        }
    }

    private static void copyProperties(Message foreign, H2mqMessage copy) throws JMSException {
        for (Enumeration<?> names = foreign.getPropertyNames(); names.hasMoreElements();) {
            String name = (String) names.nextElement();
            if (!MessageProperties.DELIVERY_COUNT.equals(name)) {
                copy.setObjectProperty(name, foreign.getObjectProperty(name));
            }
        }
    }
}
