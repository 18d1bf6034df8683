package io.h2mq.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

/**
 * Prints a message for people: its headers, its properties and a preview of its body (text cut short, bytes as hex,
 * the other kinds summarized). Reading a bytes or stream body moves its read position, so the body is reset after.
 */
final class MessagePrinter {
    static final int TEXT_PREVIEW = 200;
    static final int BYTES_PREVIEW = 64;
    static final int ENTRIES_PREVIEW = 5;

    private final PrintStream out;

    MessagePrinter(PrintStream out) {
        this.out = out;
    }

    void print(Message message) throws JMSException {
        out.println(message.getJMSMessageID());
        out.println("  timestamp      " + instant(message.getJMSTimestamp()));
        out.println("  priority       " + message.getJMSPriority());
        out.println("  delivery mode  " + (message.getJMSDeliveryMode() == DeliveryMode.PERSISTENT
                ? "PERSISTENT" : "NON_PERSISTENT"));
        out.println("  redelivered    " + message.getJMSRedelivered());
        out.println("  correlation id " + orNone(message.getJMSCorrelationID()));
        out.println("  type           " + orNone(message.getJMSType()));
        out.println("  expiration     " + (message.getJMSExpiration() == 0 ? "never"
                : instant(message.getJMSExpiration())));
        out.println("  reply-to       " + destination(message.getJMSReplyTo()));
        for (String name : Names.properties(message)) {
            Object value = message.getObjectProperty(name);
            out.println("  property       " + name + " = " + quoted(value) + " (" + typeName(value) + ")");
        }
        out.println("  body           " + bodyPreview(message));
    }

    static String bodyPreview(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return textPreview(text.getText());
        }
        if (message instanceof BytesMessage bytes) {
            return bytesPreview(bytes);
        }
        if (message instanceof MapMessage map) {
            return mapPreview(map);
        }
        if (message instanceof StreamMessage stream) {
            return streamPreview(stream);
        }
        if (message instanceof ObjectMessage object) {
            return objectPreview(object);
        }
        return "none (a Message without body)";
    }

    private static String textPreview(String text) {
        if (text == null) {
            return "text, null";
        }
        String shown = text.length() <= TEXT_PREVIEW ? text : text.substring(0, TEXT_PREVIEW);
        String more = text.length() > TEXT_PREVIEW ? "... (" + (text.length() - TEXT_PREVIEW) + " more)" : "";
        return "text, " + text.length() + " chars: \"" + escape(shown) + "\"" + more;
    }

    private static String bytesPreview(BytesMessage bytes) throws JMSException {
        long length = bytes.getBodyLength();
        byte[] head = new byte[(int) Math.min(length, BYTES_PREVIEW)];
        bytes.readBytes(head);
        bytes.reset();
        return "bytes, " + length + ": " + HexFormat.ofDelimiter(" ").formatHex(head)
                + (length > BYTES_PREVIEW ? " ..." : "");
    }

    private static String mapPreview(MapMessage map) throws JMSException {
        List<String> names = Names.mapEntries(map);
        List<String> shown = new ArrayList<>();
        for (String name : names.subList(0, Math.min(names.size(), ENTRIES_PREVIEW))) {
            shown.add(name + "=" + quoted(map.getObject(name)));
        }
        return "map, " + names.size() + " entries: {" + String.join(", ", shown)
                + (names.size() > ENTRIES_PREVIEW ? ", ..." : "") + "}";
    }

    private static String streamPreview(StreamMessage stream) throws JMSException {
        List<String> shown = new ArrayList<>();
        int count = 0;
        try {
            while (true) {
                Object value = stream.readObject();
                if (count++ < ENTRIES_PREVIEW) {
                    shown.add(quoted(value));
                }
            }
        } catch (MessageEOFException endOfStream) {
            // the end of the body: every value has been counted
        }
        stream.reset();
        return "stream, " + count + " values: [" + String.join(", ", shown)
                + (count > ENTRIES_PREVIEW ? ", ..." : "") + "]";
    }

    private static String objectPreview(ObjectMessage object) throws JMSException {
        try {
            Object value = object.getObject();
            return value == null ? "object, null" : "object, " + value.getClass().getName();
        } catch (MessageFormatException e) {
            return "object, not readable here (" + e.getMessage() + "; add its classes with H2MQ_CLASSPATH)";
        }
    }

    static String destination(Destination destination) throws JMSException {
        if (destination instanceof Topic topic) {
            return Target.TOPIC_PREFIX + topic.getTopicName();
        }
        if (destination instanceof Queue queue) {
            return queue.getQueueName();
        }
        return destination == null ? "-" : destination.toString();
    }

    private static String instant(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    private static String orNone(String value) {
        return value == null ? "-" : value;
    }

    private static String quoted(Object value) {
        if (value instanceof String s) {
            return "\"" + escape(s) + "\"";
        }
        if (value instanceof byte[] b) {
            return "bytes[" + b.length + "]";
        }
        return String.valueOf(value);
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t");
    }
}
