package io.h2mq.message;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StreamCorruptedException;
import java.util.Map;

import jakarta.jms.JMSException;

/**
 * A message as bytes, the form in which the store keeps it: a head, and for a large bytes or stream body the body
 * apart ({@link EncodedMessage}). Head layout:
 *
 * <pre>
 * version:u8 (1: body in the head, 2: body stored apart)  bodyType:u8
 * messageId:nullable-string  timestamp:i64
 * correlationId: u8 (0 none, 1 string, 2 bytes) + string | bytes
 * replyTo:destination  destination:destination
 * deliveryMode:u8  type:nullable-string  expiration:i64  priority:i32  deliveryTime:i64
 * propertyCount:i32  (name:string value:tagged-value)*
 * version 1: body as the body type writes it (it ends the head)
 * version 2: bodyLength:i64; the body is stored apart: a bytes body's bytes, or a stream body's fields
 * </pre>
 *
 * A bytes or stream body of more than {@value #LARGE_BODY_THRESHOLD} bytes goes apart, so that choosing a message
 * (peeks read up to 64 heads and run selectors on them) never reads it; the store keeps it apart and it is attached
 * ({@link #attachBody}) to the one message being delivered or browsed. Text, map and object bodies always stay in
 * the head.
 *
 * <p>JMSRedelivered and JMSXDeliveryCount are not encoded: they belong to a delivery, and the receiver sets them.
 * A decoded message has body and properties read-only, as a received message must.
 *
 * <p>Stateless and thread-safe; encoding does not change the message (a write-only bytes or stream body stays
 * write-only) and does not copy a body that goes apart: the encoded message shares its blocks.
 */
public final class MessageCodec {
    /** Bytes and stream bodies longer than this are stored apart from the head. */
    public static final int LARGE_BODY_THRESHOLD = 256 * 1024;
    static final int VERSION = 1;
    static final int VERSION_BODY_APART = 2;
    private static final int NO_CORRELATION_ID = 0;
    private static final int STRING_CORRELATION_ID = 1;
    private static final int BYTES_CORRELATION_ID = 2;

    private MessageCodec() {
    }

    public static EncodedMessage encode(H2mqMessage m) throws JMSException {
        BodyBuffer apart = bodyApart(m);
        boolean inHead = apart == null && !m.awaitsBody();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(inHead ? VERSION : VERSION_BODY_APART);
            out.writeByte(m.bodyType().code());
            writeHeaders(out, m);
            writeProperties(out, m.properties().applicationValues());
            if (inHead) {
                m.writeBody(out);
            } else {
                out.writeLong(apart != null ? apart.length() : m.awaitedBodyLength());
            }
        } catch (IOException e) {
            throw MessageErrors.general("cannot encode " + m + ": " + e.getMessage(), e);
        }
        byte[] head = bytes.toByteArray();
        if (inHead) {
            return EncodedMessage.withBodyInHead(head);
        }
        return apart != null ? EncodedMessage.withBodyApart(head, apart)
                : EncodedMessage.withBodyNotLoaded(head, m.awaitedBodyLength());
    }

    /** A snapshot of the body to store apart, or null when it goes in the head (or is not loaded). */
    private static BodyBuffer bodyApart(H2mqMessage m) {
        BodyBuffer body = m.awaitsBody() ? null : m.bodyBuffer();
        return body != null && body.length() > LARGE_BODY_THRESHOLD ? body.snapshot() : null;
    }

    /**
     * The message a head encodes, read-only. When its body is stored apart the message {@linkplain
     * H2mqMessage#awaitsBody() awaits it} until {@link #attachBody}.
     */
    public static H2mqMessage decode(byte[] head) throws JMSException {
        ByteArrayInputStream bytes = new ByteArrayInputStream(head);
        try (DataInputStream in = new DataInputStream(bytes)) {
            int version = in.readUnsignedByte();
            if (version != VERSION && version != VERSION_BODY_APART) {
                throw new JMSException("cannot decode a message of format version " + version
                        + "; this provider reads versions " + VERSION + " and " + VERSION_BODY_APART);
            }
            H2mqMessage m = BodyType.ofCode(in.readUnsignedByte()).newMessage();
            readHeaders(in, m);
            readProperties(in, m.properties());
            if (version == VERSION) {
                m.readBody(in, bytes.available());
            } else {
                awaitBody(m, in.readLong());
            }
            m.markReadOnly();
            return m;
        } catch (EOFException e) {
            throw MessageErrors.general("cannot decode a message of " + head.length + " bytes: truncated", e);
        } catch (IOException | IllegalArgumentException e) {
            throw MessageErrors.general("cannot decode a message of " + head.length + " bytes: " + e.getMessage(), e);
        }
    }

    private static void awaitBody(H2mqMessage m, long length) throws StreamCorruptedException {
        if (m.bodyBuffer() == null || length < 0) {
            throw new StreamCorruptedException("a " + m.bodyType() + " message cannot have a body of " + length
                    + " bytes stored apart");
        }
        m.awaitBody(length);
    }

    /**
     * Reads the body a decoded message awaits from where it was stored apart, in one copy into exactly sized blocks.
     *
     * @throws IOException if the stream fails, or its length is not the one the head recorded
     */
    public static void attachBody(H2mqMessage m, InputStream body, long length) throws IOException {
        if (!m.awaitsBody()) {
            throw new IllegalStateException(m + " does not await a body");
        }
        if (length != m.awaitedBodyLength()) {
            throw new StreamCorruptedException("the body stored apart for " + m + " has " + length
                    + " bytes; its head says " + m.awaitedBodyLength());
        }
        m.receiveBody(BodyBuffer.readFrom(body, length));
    }

    /** A deep copy through the codec; a body apart is shared, not copied (its bytes never change). */
    static H2mqMessage copy(H2mqMessage m) throws JMSException {
        EncodedMessage encoded = encode(m);
        H2mqMessage copy = decode(encoded.head());
        if (encoded.isBodyApartLoaded()) {
            copy.receiveBody(encoded.loadedBodyApart());
        }
        return copy;
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
