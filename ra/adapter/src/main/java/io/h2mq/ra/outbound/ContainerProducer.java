package io.h2mq.ra.outbound;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageProducer;

/**
 * The simplified API's producer of a {@link ContainerContext}: delivery settings, message properties and headers kept
 * here and applied to each message it sends through one anonymous producer of the context's session. Properties are
 * held in a scratch message of the provider, so their names, types and conversions follow exactly the rules of
 * message properties (Messaging spec 3.5.4). Never asynchronous: a container forbids it.
 */
final class ContainerProducer implements JMSProducer {
    private final ContainerContext context;
    private final Message properties;
    private boolean disableMessageID;
    private boolean disableMessageTimestamp;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;
    private String correlationID;
    private byte[] correlationIDBytes;
    private String type;
    private Destination replyTo;

    ContainerProducer(ContainerContext context) {
        this.context = context;
        this.properties = RuntimeExceptions.get(() -> context.session().createMessage());
    }

    @Override
    public JMSProducer send(Destination destination, Message message) {
        if (message == null) {
            throw new MessageFormatRuntimeException("message must not be null");
        }
        RuntimeExceptions.run(() -> {
            applyHeadersAndProperties(message);
            MessageProducer producer = context.anonymousProducer();
            producer.setDisableMessageID(disableMessageID);
            producer.setDisableMessageTimestamp(disableMessageTimestamp);
            producer.setDeliveryDelay(deliveryDelay);
            producer.send(destination, message, deliveryMode, priority, timeToLive);
        });
        return this;
    }

    @Override
    public JMSProducer send(Destination destination, String body) {
        return send(destination, RuntimeExceptions.get(() -> context.session().createTextMessage(body)));
    }

    @Override
    public JMSProducer send(Destination destination, Map<String, Object> body) {
        MapMessage message = RuntimeExceptions.get(() -> context.session().createMapMessage());
        if (body != null) {
            RuntimeExceptions.run(() -> {
                for (Map.Entry<String, Object> e : body.entrySet()) {
                    message.setObject(e.getKey(), e.getValue());
                }
            });
        }
        return send(destination, message);
    }

    @Override
    public JMSProducer send(Destination destination, byte[] body) {
        BytesMessage message = RuntimeExceptions.get(() -> context.session().createBytesMessage());
        if (body != null) {
            RuntimeExceptions.run(() -> message.writeBytes(body));
        }
        return send(destination, message);
    }

    @Override
    public JMSProducer send(Destination destination, Serializable body) {
        return send(destination, RuntimeExceptions.get(() -> context.session().createObjectMessage(body)));
    }

    private void applyHeadersAndProperties(Message message) throws JMSException {
        if (correlationIDBytes != null) {
            message.setJMSCorrelationIDAsBytes(correlationIDBytes);
        } else if (correlationID != null) {
            message.setJMSCorrelationID(correlationID);
        }
        if (type != null) {
            message.setJMSType(type);
        }
        if (replyTo != null) {
            message.setJMSReplyTo(replyTo);
        }
        for (String name : Collections.list(names())) {
            message.setObjectProperty(name, properties.getObjectProperty(name));
        }
    }

    @SuppressWarnings("unchecked")
    private java.util.Enumeration<String> names() throws JMSException {
        return properties.getPropertyNames();
    }

    @Override
    public JMSProducer setDisableMessageID(boolean value) {
        disableMessageID = value;
        return this;
    }

    @Override
    public boolean getDisableMessageID() {
        return disableMessageID;
    }

    @Override
    public JMSProducer setDisableMessageTimestamp(boolean value) {
        disableMessageTimestamp = value;
        return this;
    }

    @Override
    public boolean getDisableMessageTimestamp() {
        return disableMessageTimestamp;
    }

    @Override
    public JMSProducer setDeliveryMode(int deliveryMode) {
        if (deliveryMode != DeliveryMode.PERSISTENT && deliveryMode != DeliveryMode.NON_PERSISTENT) {
            throw new jakarta.jms.JMSRuntimeException("delivery mode must be PERSISTENT (2) or NON_PERSISTENT (1), "
                    + "got " + deliveryMode);
        }
        this.deliveryMode = deliveryMode;
        return this;
    }

    @Override
    public int getDeliveryMode() {
        return deliveryMode;
    }

    @Override
    public JMSProducer setPriority(int priority) {
        if (priority < 0 || priority > 9) {
            throw new jakarta.jms.JMSRuntimeException("priority must be 0 to 9, got " + priority);
        }
        this.priority = priority;
        return this;
    }

    @Override
    public int getPriority() {
        return priority;
    }

    @Override
    public JMSProducer setTimeToLive(long timeToLive) {
        this.timeToLive = timeToLive;
        return this;
    }

    @Override
    public long getTimeToLive() {
        return timeToLive;
    }

    @Override
    public JMSProducer setDeliveryDelay(long deliveryDelay) {
        this.deliveryDelay = deliveryDelay;
        return this;
    }

    @Override
    public long getDeliveryDelay() {
        return deliveryDelay;
    }

    @Override
    public JMSProducer setAsync(CompletionListener completionListener) {
        throw ContainerRules.forbiddenRuntime("JMSProducer.setAsync");
    }

    @Override
    public CompletionListener getAsync() {
        return null;
    }

    @Override
    public JMSProducer setProperty(String name, boolean value) {
        RuntimeExceptions.run(() -> properties.setBooleanProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, byte value) {
        RuntimeExceptions.run(() -> properties.setByteProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, short value) {
        RuntimeExceptions.run(() -> properties.setShortProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, int value) {
        RuntimeExceptions.run(() -> properties.setIntProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, long value) {
        RuntimeExceptions.run(() -> properties.setLongProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, float value) {
        RuntimeExceptions.run(() -> properties.setFloatProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, double value) {
        RuntimeExceptions.run(() -> properties.setDoubleProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, String value) {
        RuntimeExceptions.run(() -> properties.setStringProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, Object value) {
        RuntimeExceptions.run(() -> properties.setObjectProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer clearProperties() {
        RuntimeExceptions.run(properties::clearProperties);
        return this;
    }

    @Override
    public boolean propertyExists(String name) {
        return RuntimeExceptions.get(() -> properties.propertyExists(name));
    }

    @Override
    public boolean getBooleanProperty(String name) {
        return RuntimeExceptions.get(() -> properties.getBooleanProperty(name));
    }

    @Override
    public byte getByteProperty(String name) {
        return RuntimeExceptions.get(() -> properties.getByteProperty(name));
    }

    @Override
    public short getShortProperty(String name) {
        return RuntimeExceptions.get(() -> properties.getShortProperty(name));
    }

    @Override
    public int getIntProperty(String name) {
        return RuntimeExceptions.get(() -> properties.getIntProperty(name));
    }

    @Override
    public long getLongProperty(String name) {
        return RuntimeExceptions.get(() -> properties.getLongProperty(name));
    }

    @Override
    public float getFloatProperty(String name) {
        return RuntimeExceptions.get(() -> properties.getFloatProperty(name));
    }

    @Override
    public double getDoubleProperty(String name) {
        return RuntimeExceptions.get(() -> properties.getDoubleProperty(name));
    }

    @Override
    public String getStringProperty(String name) {
        return RuntimeExceptions.get(() -> properties.getStringProperty(name));
    }

    @Override
    public Object getObjectProperty(String name) {
        return RuntimeExceptions.get(() -> properties.getObjectProperty(name));
    }

    @Override
    public Set<String> getPropertyNames() {
        return RuntimeExceptions.get(() -> Set.copyOf(Collections.list(names())));
    }

    @Override
    public JMSProducer setJMSCorrelationIDAsBytes(byte[] correlationID) {
        this.correlationIDBytes = correlationID == null ? null : correlationID.clone();
        this.correlationID = null;
        return this;
    }

    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        return correlationIDBytes == null ? null : correlationIDBytes.clone();
    }

    @Override
    public JMSProducer setJMSCorrelationID(String correlationID) {
        this.correlationID = correlationID;
        this.correlationIDBytes = null;
        return this;
    }

    @Override
    public String getJMSCorrelationID() {
        return correlationID;
    }

    @Override
    public JMSProducer setJMSType(String type) {
        this.type = type;
        return this;
    }

    @Override
    public String getJMSType() {
        return type;
    }

    @Override
    public JMSProducer setJMSReplyTo(Destination replyTo) {
        this.replyTo = replyTo;
        return this;
    }

    @Override
    public Destination getJMSReplyTo() {
        return replyTo;
    }
}
