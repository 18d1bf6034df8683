package io.h2mq.message;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;

/**
 * A message whose body is a set of named, typed values. Values are read with the stream conversion table
 * (spec table 3-5, see {@link Conversions}); an absent name reads like a null value. byte[] values are copied in and
 * out, so the application cannot change the body behind the message's back. Unlike bytes and stream messages a map
 * message is always readable; it is write-protected after receive until {@link #clearBody()}.
 *
 * <p>Not thread-safe.
 */
public class H2mqMapMessage extends H2mqMessage implements MapMessage {
    private final Map<String, Object> entries = new LinkedHashMap<>();

    public H2mqMapMessage() {
    }

    @Override
    public boolean getBoolean(String name) throws JMSException {
        return (Boolean) get(name, ValueKind.BOOLEAN);
    }

    @Override
    public byte getByte(String name) throws JMSException {
        return (Byte) get(name, ValueKind.BYTE);
    }

    @Override
    public short getShort(String name) throws JMSException {
        return (Short) get(name, ValueKind.SHORT);
    }

    @Override
    public char getChar(String name) throws JMSException {
        return (Character) get(name, ValueKind.CHAR);
    }

    @Override
    public int getInt(String name) throws JMSException {
        return (Integer) get(name, ValueKind.INT);
    }

    @Override
    public long getLong(String name) throws JMSException {
        return (Long) get(name, ValueKind.LONG);
    }

    @Override
    public float getFloat(String name) throws JMSException {
        return (Float) get(name, ValueKind.FLOAT);
    }

    @Override
    public double getDouble(String name) throws JMSException {
        return (Double) get(name, ValueKind.DOUBLE);
    }

    @Override
    public String getString(String name) throws JMSException {
        return (String) get(name, ValueKind.STRING);
    }

    @Override
    public byte[] getBytes(String name) throws JMSException {
        return (byte[]) get(name, ValueKind.BYTES);
    }

    @Override
    public Object getObject(String name) {
        Object value = entries.get(name);
        return value instanceof byte[] b ? b.clone() : value;
    }

    @Override
    public Enumeration<String> getMapNames() {
        return Collections.enumeration(entries.keySet().stream().toList());
    }

    @Override
    public boolean itemExists(String name) {
        return entries.containsKey(name);
    }

    @Override
    public void setBoolean(String name, boolean value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setByte(String name, byte value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setShort(String name, short value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setChar(String name, char value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setInt(String name, int value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setLong(String name, long value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setFloat(String name, float value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setDouble(String name, double value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setString(String name, String value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setBytes(String name, byte[] value) throws JMSException {
        put(name, value == null ? null : value.clone());
    }

    @Override
    public void setBytes(String name, byte[] value, int offset, int length) throws JMSException {
        put(name, Arrays.copyOfRange(value, offset, offset + length));
    }

    @Override
    public void setObject(String name, Object value) throws JMSException {
        if (!Values.isBodyValue(value)) {
            checkWritableName(name);
            throw MessageErrors.format("map entry '" + name + "' cannot hold a " + value.getClass().getName()
                    + "; only primitive wrappers, String and byte[] are allowed");
        }
        put(name, value instanceof byte[] b ? b.clone() : value);
    }

    @Override
    public void clearBody() throws JMSException {
        entries.clear();
        super.clearBody();
    }

    @Override
    BodyType bodyType() {
        return BodyType.MAP;
    }

    @Override
    void writeBody(DataOutputStream out) throws IOException {
        out.writeInt(entries.size());
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            Values.writeString(out, e.getKey());
            Values.write(out, e.getValue());
        }
    }

    @Override
    void readBody(DataInputStream in, int remaining) throws IOException {
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            entries.put(Values.readString(in), Values.read(in));
        }
    }

    /** A modifiable copy of the entries (byte[] values copied), or null when the map is empty. */
    @Override
    Object bodyAsObject() {
        if (entries.isEmpty()) {
            return null;
        }
        Map<String, Object> copy = new HashMap<>();
        entries.forEach((name, value) -> copy.put(name, value instanceof byte[] b ? b.clone() : value));
        return copy;
    }

    private Object get(String name, ValueKind kind) throws JMSException {
        return Conversions.convert(entries.get(name), kind, "map entry '" + name + "'");
    }

    private void put(String name, Object value) throws JMSException {
        checkWritableName(name);
        entries.put(name, value);
    }

    private void checkWritableName(String name) throws JMSException {
        checkBodyWritable();
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("map entry name must not be null or empty: "
                    + (name == null ? "null" : "''"));
        }
    }
}
