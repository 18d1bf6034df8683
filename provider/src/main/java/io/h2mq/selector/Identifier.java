package io.h2mq.selector;

import java.util.Map;
import java.util.function.Function;

/**
 * A reference to a header field or a property.
 *
 * <p>The specification restricts header references to six fields, whose types are known
 * ({@code JMSDeliveryMode} is compared as the strings {@code 'PERSISTENT'} and {@code 'NON_PERSISTENT'}).
 * Names starting with {@code JMSX} or {@code JMS_} are properties. Any other name starting with
 * {@code JMS} ({@code JMSDestination}, {@code JMSReplyTo}, {@code JMSExpiration}, {@code JMSRedelivered},
 * {@code JMSDeliveryTime}, ...) is neither a selectable header nor a legal property name, so it is always
 * NULL and the message is never asked for it; the reference implementation (OpenMQ) behaves the same way
 * by treating such names as absent properties.
 *
 * @param name the name, case-sensitive
 * @param kind which of the three cases above applies
 * @param type the statically known type: that of the header, else {@link StaticType#ANY}
 */
record Identifier(String name, Kind kind, StaticType type) implements Expression {

    enum Kind { HEADER, PROPERTY, ALWAYS_NULL }

    private static final Map<String, StaticType> HEADERS = Map.of(
            "JMSDeliveryMode", StaticType.STRING,
            "JMSPriority", StaticType.NUMERIC,
            "JMSMessageID", StaticType.STRING,
            "JMSTimestamp", StaticType.NUMERIC,
            "JMSCorrelationID", StaticType.STRING,
            "JMSType", StaticType.STRING);

    static Identifier named(String name) {
        StaticType headerType = HEADERS.get(name);
        if (headerType != null) {
            return new Identifier(name, Kind.HEADER, headerType);
        }
        if (name.startsWith("JMS") && !name.startsWith("JMSX") && !name.startsWith("JMS_")) {
            return new Identifier(name, Kind.ALWAYS_NULL, StaticType.ANY);
        }
        return new Identifier(name, Kind.PROPERTY, StaticType.ANY);
    }

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        return kind == Kind.ALWAYS_NULL ? null : normalize(identifiers.apply(name));
    }

    /** Widens byte and short to int, as Java's unary numeric promotion does; other types are NULL. */
    private static Object normalize(Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Float || value instanceof Double) {
            return value;
        }
        if (value instanceof Byte || value instanceof Short) {
            return ((Number) value).intValue();
        }
        return null;
    }
}
