package io.h2mq.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

/**
 * The property part of a message: named values of the eight property types (boolean, byte, short, int, long, float,
 * double, String), a read-only switch, and the provider-set {@code JMSXDeliveryCount}.
 *
 * <p>{@code JMSXDeliveryCount} is kept apart from the application's properties: the provider sets it on receive even
 * though the properties are then read-only, it is listed by {@link #names()} (the TCK's
 * {@code msgPropertiesQTest} counts it among the property names of a received message) and it survives
 * {@link #clear()}, because it describes this delivery rather than the message the sender built.
 *
 * <p>Not thread-safe, like the message that owns it.
 */
final class MessageProperties {
    static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    private final Map<String, Object> values = new LinkedHashMap<>();
    private boolean readOnly;
    private int deliveryCount;

    /** Sets a property from the application. A null value is kept as a property whose value is null. */
    void set(String name, Object value) throws MessageNotWriteableException, MessageFormatException {
        if (readOnly) {
            throw MessageErrors.notWriteable("message properties (setting '" + name + "')");
        }
        PropertyNames.check(name);
        if (value != null && !isPropertyType(value)) {
            throw MessageErrors.format("property '" + name + "' cannot hold a " + value.getClass().getName()
                    + "; only Boolean, Byte, Short, Integer, Long, Float, Double and String are allowed");
        }
        values.put(name, value);
    }

    /** Puts a decoded value without the application's checks (the codec has already validated it on encode). */
    void putDecoded(String name, Object value) {
        values.put(name, value);
    }

    Object get(String name) {
        if (DELIVERY_COUNT.equals(name) && deliveryCount > 0) {
            return deliveryCount;
        }
        return values.get(name);
    }

    Object get(String name, ValueKind kind) throws MessageFormatException {
        return Conversions.convert(get(name), kind, "property '" + name + "'");
    }

    boolean exists(String name) {
        return (DELIVERY_COUNT.equals(name) && deliveryCount > 0) || values.containsKey(name);
    }

    Enumeration<String> names() {
        List<String> names = new ArrayList<>(values.keySet());
        if (deliveryCount > 0 && !values.containsKey(DELIVERY_COUNT)) {
            names.add(DELIVERY_COUNT);
        }
        return Collections.enumeration(names);
    }

    /** The application's properties, in the order they were set; the delivery count is not among them. */
    Map<String, Object> applicationValues() {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.remove(DELIVERY_COUNT);
        return copy;
    }

    /** Removes the application's properties and makes them writable again; the delivery count stays. */
    void clear() {
        values.clear();
        readOnly = false;
    }

    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    boolean isReadOnly() {
        return readOnly;
    }

    void setDeliveryCount(int deliveryCount) {
        this.deliveryCount = deliveryCount;
    }

    int deliveryCount() {
        return deliveryCount;
    }

    static boolean isPropertyType(Object value) {
        return value instanceof Boolean || value instanceof Byte || value instanceof Short
                || value instanceof Integer || value instanceof Long || value instanceof Float
                || value instanceof Double || value instanceof String;
    }
}
