package io.h2mq.message;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Map;

import jakarta.jms.JMSException;

/**
 * A message as bytes, the form in which the store keeps it. Layout, version 1:
 *
 * <pre>
 * version:u8  bodyType:u8
 * messageId:nullable-string  timestamp:i64
 * correlationId: u8 (0 none, 1 string, 2 bytes) + string | bytes
 * replyTo:destination  destination:destination
 * deliveryMode:u8  type:nullable-string  expiration:i64  priority:i32  deliveryTime:i64
 * propertyCount:i32  (name:string value:tagged-value)*
 * body: as the body type writes it
 * </pre>
 *
 * JMSRedelivered and JMSXDeliveryCount are not encoded: they belong to a delivery, and the receiver sets them.
 * A decoded message has body and properties read-only, as a received message must.
 *
 * <p>Stateless and thread-safe; encoding does not change the message (a write-only bytes or stream body stays
 * write-only).
 */
public final class MessageCodec {
    static final int VERSION = 1;
    private static final int NO_CORRELATION_ID = 0;
    private static final int STRING_CORRELATION_ID = 1;
    private static final int BYTES_CORRELATION_ID = 2;

    private MessageCodec() {
    }

    public static byte[] encode(H2mqMessage m) throws JMSException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(m.bodyType().code());
            writeHeaders(out, m);
            writeProperties(out, m.properties().applicationValues());
            m.writeBody(out);
        } catch (IOException e) {
            throw MessageErrors.general("cannot encode " + m + ": " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    public static H2mqMessage decode(byte[] bytes) throws JMSException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new JMSException("cannot decode a message of format version " + version
                        + "; this provider reads version " + VERSION);
            }
            H2mqMessage m = BodyType.ofCode(in.readUnsignedByte()).newMessage();
            readHeaders(in, m);
            readProperties(in, m.properties());
            m.readBody(in, in.available());
            m.markReadOnly();
            return m;
        } catch (EOFException e) {
            throw MessageErrors.general("cannot decode a message of " + bytes.length + " bytes: truncated", e);
        } catch (IOException | IllegalArgumentException e) {
            throw MessageErrors.general("cannot decode a message of " + bytes.length + " bytes: " + e.getMessage(), e);
        }
    }

    private static void writeHeaders(DataOutputStream out, H2mqMessage m) throws IOException, JMSException {
        Values.writeNullableString(out, m.getJMSMessageID());
        out.writeLong(m.getJMSTimestamp());
        Object correlationId = m.correlationIdRaw();
        if (correlationId instanceof String s) {
            out.writeByte(STRING_CORRELATION_ID);
            Values.writeString(out, s);
        } else if (correlationId instanceof byte[] b) {
            out.writeByte(BYTES_CORRELATION_ID);
            Values.writeBytes(out, b);
        } else {
            out.writeByte(NO_CORRELATION_ID);
        }
        Destinations.write(out, m.getJMSReplyTo());
        Destinations.write(out, m.getJMSDestination());
        out.writeByte(m.getJMSDeliveryMode());
        Values.writeNullableString(out, m.getJMSType());
        out.writeLong(m.getJMSExpiration());
        out.writeInt(m.getJMSPriority());
        out.writeLong(m.getJMSDeliveryTime());
    }

    private static void readHeaders(DataInputStream in, H2mqMessage m) throws IOException, JMSException {
        m.setJMSMessageID(Values.readNullableString(in));
        m.setJMSTimestamp(in.readLong());
        int correlationKind = in.readUnsignedByte();
        if (correlationKind == STRING_CORRELATION_ID) {
            m.setJMSCorrelationID(Values.readString(in));
        } else if (correlationKind == BYTES_CORRELATION_ID) {
            m.setJMSCorrelationIDAsBytes(Values.readBytes(in));
        }
        m.setJMSReplyTo(Destinations.read(in));
        m.setJMSDestination(Destinations.read(in));
        m.setJMSDeliveryMode(in.readUnsignedByte());
        m.setJMSType(Values.readNullableString(in));
        m.setJMSExpiration(in.readLong());
        m.setJMSPriority(in.readInt());
        m.setJMSDeliveryTime(in.readLong());
    }

    private static void writeProperties(DataOutputStream out, Map<String, Object> properties) throws IOException {
        out.writeInt(properties.size());
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            Values.writeString(out, e.getKey());
            Values.write(out, e.getValue());
        }
    }

    private static void readProperties(DataInputStream in, MessageProperties properties) throws IOException {
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            properties.putDecoded(Values.readString(in), Values.read(in));
        }
    }
}
