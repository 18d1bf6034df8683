package io.h2mq.message;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import jakarta.jms.MessageFormatException;

/**
 * The conversion tables of the spec as a table: for each stored value type, the kinds it may be read as and how
 * (Jakarta Messaging 3.1, table 3-4 for properties, table 3-5 for stream and map values). A pair that is not in
 * the table is a {@link MessageFormatException}.
 *
 * <p>A null value (an absent property or map entry, a null stream field) reads as the wrapper's
 * {@code valueOf((String) null)} would: {@code false} for boolean, {@link NumberFormatException} for the integral
 * types, {@link NullPointerException} for float, double and char, null for String and byte[]. The TCK checks
 * exactly this ({@code queueMsgProperties}, {@code messageQueue.readNullCharNotValidQueueTest}).
 *
 * <p>Stateless and thread-safe.
 */
final class Conversions {
    private static final Map<Class<?>, Map<ValueKind, Function<Object, Object>>> TABLE = new HashMap<>();

    static {
        row(Boolean.class).put(ValueKind.BOOLEAN, v -> v);
        row(Byte.class).put(ValueKind.BYTE, v -> v);
        row(Byte.class).put(ValueKind.SHORT, v -> (short) (byte) v);
        row(Byte.class).put(ValueKind.INT, v -> (int) (byte) v);
        row(Byte.class).put(ValueKind.LONG, v -> (long) (byte) v);
        row(Short.class).put(ValueKind.SHORT, v -> v);
        row(Short.class).put(ValueKind.INT, v -> (int) (short) v);
        row(Short.class).put(ValueKind.LONG, v -> (long) (short) v);
        row(Character.class).put(ValueKind.CHAR, v -> v);
        row(Integer.class).put(ValueKind.INT, v -> v);
        row(Integer.class).put(ValueKind.LONG, v -> (long) (int) v);
        row(Long.class).put(ValueKind.LONG, v -> v);
        row(Float.class).put(ValueKind.FLOAT, v -> v);
        row(Float.class).put(ValueKind.DOUBLE, v -> (double) (float) v);
        row(Double.class).put(ValueKind.DOUBLE, v -> v);
        row(String.class).put(ValueKind.BOOLEAN, v -> Boolean.valueOf((String) v));
        row(String.class).put(ValueKind.BYTE, v -> Byte.valueOf((String) v));
        row(String.class).put(ValueKind.SHORT, v -> Short.valueOf((String) v));
        row(String.class).put(ValueKind.INT, v -> Integer.valueOf((String) v));
        row(String.class).put(ValueKind.LONG, v -> Long.valueOf((String) v));
        row(String.class).put(ValueKind.FLOAT, v -> Float.valueOf((String) v));
        row(String.class).put(ValueKind.DOUBLE, v -> Double.valueOf((String) v));
        row(byte[].class).put(ValueKind.BYTES, v -> ((byte[]) v).clone());
        for (Class<?> type : new Class<?>[] {Boolean.class, Byte.class, Short.class, Character.class, Integer.class,
                Long.class, Float.class, Double.class, String.class}) {
            row(type).put(ValueKind.STRING, String::valueOf);
        }
    }

    private Conversions() {
    }

    private static Map<ValueKind, Function<Object, Object>> row(Class<?> type) {
        return TABLE.computeIfAbsent(type, t -> new EnumMap<>(ValueKind.class));
    }

    /**
     * Reads {@code value} as {@code kind}.
     *
     * @param what names the value in error messages, e.g. "property 'price'"
     * @throws MessageFormatException if the spec does not allow the conversion
     * @throws NumberFormatException if a String does not parse, or the value is null and the kind is integral
     * @throws NullPointerException if the value is null and the kind is float, double or char
     */
    static Object convert(Object value, ValueKind kind, String what) throws MessageFormatException {
        if (value == null) {
            return fromNull(kind, what);
        }
        Function<Object, Object> handler = TABLE.getOrDefault(value.getClass(), Map.of()).get(kind);
        if (handler == null) {
            throw MessageErrors.format("cannot read " + what + " of type " + MessageErrors.typeOf(value)
                    + " as " + kind.javaName());
        }
        try {
            return handler.apply(value);
        } catch (NumberFormatException e) {
            NumberFormatException precise = new NumberFormatException(
                    "cannot read " + what + " value '" + value + "' as " + kind.javaName());
            precise.initCause(e);
            throw precise;
        }
    }

    private static Object fromNull(ValueKind kind, String what) {
        switch (kind) {
            case STRING:
            case BYTES:
                return null;
            case BOOLEAN:
                return Boolean.FALSE;
            case FLOAT:
            case DOUBLE:
            case CHAR:
                throw new NullPointerException(what + " is null and cannot be read as " + kind.javaName());
            default:
                throw new NumberFormatException(what + " is null and cannot be read as " + kind.javaName());
        }
    }
}
