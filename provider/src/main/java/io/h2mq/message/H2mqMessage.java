package io.h2mq.message;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;

/**
 * A message without a body, and the base of the five body types: headers, properties and the body's read-only
 * state. Subclasses add a body and say how it is written and read by {@link MessageCodec}.
 *
 * <p>A message is created writable by a session, frozen to bytes on send ({@link MessageCodec#encode}) and comes
 * back from {@link MessageCodec#decode} with body and properties read-only, as a received message must be
 * ({@link #markReadOnly()}). Headers are always settable: the spec lets a receiver change them.
 *
 * <p>Not thread-safe: the spec does not require messages to be, and a session is single-threaded.
 */
public class H2mqMessage implements Message {
    static final int DEFAULT_PRIORITY = Message.DEFAULT_PRIORITY;

    private final MessageProperties properties = new MessageProperties();
    private String messageId;
    private long timestamp;
    private String correlationId;
    private byte[] correlationIdBytes;
    private Destination replyTo;
    private Destination destination;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private boolean redelivered;
    private String type;
    private long expiration;
    private int priority = DEFAULT_PRIORITY;
    private long deliveryTime;
    private boolean bodyReadOnly;
    /** Length of the body stored apart that this message was decoded without, or -1 when it has its body. */
    private long awaitedBodyLength = -1;
    private AcknowledgeCallback acknowledgeCallback;

    public H2mqMessage() {
    }

    /**
     * A copy for sending: an h2mq message is deep-copied (through the codec), a foreign provider's message is
     * converted to the matching h2mq type. Later changes to {@code message} do not affect the copy. The copy's
     * properties are writable and its body is read-only.
     */
    public static H2mqMessage copyOf(Message message) throws JMSException {
        if (message instanceof H2mqMessage own) {
            H2mqMessage copy = MessageCodec.copy(own);
            copy.properties.setReadOnly(false);
            return copy;
        }
        return ForeignMessages.convert(message);
    }

    // ---- provider hooks

    /**
     * True while this message was decoded from a head whose body is stored apart, and the body has not been attached
     * yet ({@link MessageCodec#attachBody}). Such a message can be selected, copied and moved, but its body cannot be
     * read: the engine attaches it before handing the message to the application.
     */
    public final boolean awaitsBody() {
        return awaitedBodyLength >= 0;
    }

    /** Makes body and properties read-only, as they are after receive; bytes and stream bodies are ready to read. */
    public void markReadOnly() {
        properties.setReadOnly(true);
        onBodyReadOnly();
        bodyReadOnly = true;
    }

    public void setAcknowledgeCallback(AcknowledgeCallback callback) {
        this.acknowledgeCallback = callback;
    }

    /** Sets JMSXDeliveryCount (1 on first delivery); readable even when properties are read-only. */
    public void setDeliveryCount(int deliveryCount) {
        properties.setDeliveryCount(deliveryCount);
    }

    /**
     * The value a message selector sees for {@code identifier}: the header fields selectors may use, with
     * JMSDeliveryMode as "PERSISTENT"/"NON_PERSISTENT", else the property (boxed), or null when absent.
     */
    public Object selectorValue(String identifier) {
        switch (identifier) {
            case "JMSDeliveryMode":
                return deliveryMode == DeliveryMode.PERSISTENT ? "PERSISTENT" : "NON_PERSISTENT";
            case "JMSPriority":
                return priority;
            case "JMSMessageID":
                return messageId;
            case "JMSCorrelationID":
                return correlationIdString();
            case "JMSType":
                return type;
            case "JMSTimestamp":
                return timestamp;
            default:
                return properties.get(identifier);
        }
    }

    // ---- body hooks for subclasses and the codec

    BodyType bodyType() {
        return BodyType.MESSAGE;
    }

    void writeBody(DataOutputStream out) throws IOException, JMSException {
    }

    /** Reads what {@link #writeBody} wrote; {@code remaining} is the encoded body's length (it ends the encoding). */
    void readBody(DataInputStream in, int remaining) throws IOException, JMSException {
    }

    /** Called by {@link #markReadOnly()} just before the body becomes read-only ({@link #isBodyReadOnly()} tells the
     *  mode it is leaving). */
    void onBodyReadOnly() {
    }

    /**
     * The live body of a bytes or stream message, which may be stored apart from the head when it is large (the codec
     * takes a snapshot of it); null for the other types, whose body is always encoded in the head.
     */
    BodyBuffer bodyBuffer() {
        return null;
    }

    /** Takes the body of a bytes or stream message that was stored apart, making it read-only and ready to read. */
    void attachBody(BodyBuffer body) {
        throw new IllegalStateException("a " + getClass().getSimpleName() + " has no body stored apart");
    }

    final long awaitedBodyLength() {
        return awaitedBodyLength;
    }

    /** Marks this message as decoded without its body of {@code length} bytes, stored apart. */
    final void awaitBody(long length) {
        this.awaitedBodyLength = length;
    }

    /** Attaches the body this message awaits. */
    final void receiveBody(BodyBuffer body) {
        awaitedBodyLength = -1;
        attachBody(body);
    }

    /** The body as {@link #getBody} returns it, or null when the message has no body. */
    Object bodyAsObject() throws JMSException {
        return null;
    }

    final boolean isBodyReadOnly() {
        return bodyReadOnly;
    }

    final void setBodyReadOnly(boolean readOnly) {
        this.bodyReadOnly = readOnly;
    }

    final void checkBodyWritable() throws MessageNotWriteableException {
        if (bodyReadOnly) {
            throw MessageErrors.notWriteable("the body of this " + getClass().getSimpleName());
        }
    }

    final void checkBodyReadable() throws MessageNotReadableException {
        checkBodyLoaded();
        if (!bodyReadOnly) {
            throw MessageErrors.notReadable("the body of this " + getClass().getSimpleName());
        }
    }

    final void checkBodyLoaded() throws MessageNotReadableException {
        if (awaitsBody()) {
            throw MessageErrors.notLoaded("the body of this " + getClass().getSimpleName(), awaitedBodyLength);
        }
    }

    final MessageProperties properties() {
        return properties;
    }

    // ---- headers

    @Override
    public String getJMSMessageID() {
        return messageId;
    }

    @Override
    public void setJMSMessageID(String id) {
        this.messageId = id;
    }

    @Override
    public long getJMSTimestamp() {
        return timestamp;
    }

    @Override
    public void setJMSTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        if (correlationIdBytes != null) {
            return correlationIdBytes.clone();
        }
        return correlationId == null ? null : correlationId.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void setJMSCorrelationIDAsBytes(byte[] correlationId) {
        this.correlationIdBytes = correlationId == null ? null : correlationId.clone();
        this.correlationId = null;
    }

    @Override
    public void setJMSCorrelationID(String correlationId) {
        this.correlationId = correlationId;
        this.correlationIdBytes = null;
    }

    @Override
    public String getJMSCorrelationID() {
        return correlationIdString();
    }

    private String correlationIdString() {
        if (correlationIdBytes != null) {
            return new String(correlationIdBytes, StandardCharsets.UTF_8);
        }
        return correlationId;
    }

    /** The correlation ID exactly as set: a String, a byte[] (not copied), or null. */
    final Object correlationIdRaw() {
        return correlationIdBytes != null ? correlationIdBytes : correlationId;
    }

    @Override
    public Destination getJMSReplyTo() {
        return replyTo;
    }

    @Override
    public void setJMSReplyTo(Destination replyTo) {
        this.replyTo = replyTo;
    }

    @Override
    public Destination getJMSDestination() {
        return destination;
    }

    @Override
    public void setJMSDestination(Destination destination) {
        this.destination = destination;
    }

    @Override
    public int getJMSDeliveryMode() {
        return deliveryMode;
    }

    @Override
    public void setJMSDeliveryMode(int deliveryMode) throws JMSException {
        if (deliveryMode != DeliveryMode.PERSISTENT && deliveryMode != DeliveryMode.NON_PERSISTENT) {
            throw new JMSException("JMSDeliveryMode must be DeliveryMode.PERSISTENT (2) or NON_PERSISTENT (1), not "
                    + deliveryMode);
        }
        this.deliveryMode = deliveryMode;
    }

    @Override
    public boolean getJMSRedelivered() {
        return redelivered;
    }

    @Override
    public void setJMSRedelivered(boolean redelivered) {
        this.redelivered = redelivered;
    }

    @Override
    public String getJMSType() {
        return type;
    }

    @Override
    public void setJMSType(String type) {
        this.type = type;
    }

    @Override
    public long getJMSExpiration() {
        return expiration;
    }

    @Override
    public void setJMSExpiration(long expiration) {
        this.expiration = expiration;
    }

    @Override
    public long getJMSDeliveryTime() {
        return deliveryTime;
    }

    @Override
    public void setJMSDeliveryTime(long deliveryTime) {
        this.deliveryTime = deliveryTime;
    }

    @Override
    public int getJMSPriority() {
        return priority;
    }

    @Override
    public void setJMSPriority(int priority) {
        this.priority = priority;
    }

    // ---- properties

    @Override
    public void clearProperties() {
        properties.clear();
    }

    @Override
    public boolean propertyExists(String name) {
        return properties.exists(name);
    }

    @Override
    public boolean getBooleanProperty(String name) throws JMSException {
        return (Boolean) properties.get(name, ValueKind.BOOLEAN);
    }

    @Override
    public byte getByteProperty(String name) throws JMSException {
        return (Byte) properties.get(name, ValueKind.BYTE);
    }

    @Override
    public short getShortProperty(String name) throws JMSException {
        return (Short) properties.get(name, ValueKind.SHORT);
    }

    @Override
    public int getIntProperty(String name) throws JMSException {
        return (Integer) properties.get(name, ValueKind.INT);
    }

    @Override
    public long getLongProperty(String name) throws JMSException {
        return (Long) properties.get(name, ValueKind.LONG);
    }

    @Override
    public float getFloatProperty(String name) throws JMSException {
        return (Float) properties.get(name, ValueKind.FLOAT);
    }

    @Override
    public double getDoubleProperty(String name) throws JMSException {
        return (Double) properties.get(name, ValueKind.DOUBLE);
    }

    @Override
    public String getStringProperty(String name) throws JMSException {
        return (String) properties.get(name, ValueKind.STRING);
    }

    @Override
    public Object getObjectProperty(String name) {
        return properties.get(name);
    }

    @Override
    public Enumeration<String> getPropertyNames() {
        return properties.names();
    }

    @Override
    public void setBooleanProperty(String name, boolean value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setByteProperty(String name, byte value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setShortProperty(String name, short value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setIntProperty(String name, int value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setLongProperty(String name, long value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setFloatProperty(String name, float value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setDoubleProperty(String name, double value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setStringProperty(String name, String value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setObjectProperty(String name, Object value) throws JMSException {
        properties.set(name, value);
    }

    // ---- acknowledge and body

    @Override
    public void acknowledge() throws JMSException {
        AcknowledgeCallback callback = acknowledgeCallback;
        if (callback != null) {
            callback.acknowledge();
        }
    }

    /** Empties the body and makes it writable; subclasses empty their own body first. */
    @Override
    public void clearBody() throws JMSException {
        bodyReadOnly = false;
    }

    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        Object body = bodyAsObject();
        if (body == null) {
            return null;
        }
        if (!c.isInstance(body)) {
            throw MessageErrors.format("the body of this " + getClass().getSimpleName() + " is a "
                    + body.getClass().getName() + " and cannot be returned as " + c.getName());
        }
        return c.cast(body);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) throws JMSException {
        Object body = bodyAsObject();
        return body == null || c.isInstance(body);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + messageId + ", destination=" + destination + "]";
    }
}
