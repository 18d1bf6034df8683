package io.h2mq.message;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;

/**
 * {@code writeObject} of bytes and stream messages as a table: the value's class selects the typed write method.
 * A class that is not in the table (anything but the primitive wrappers, String and byte[]) is a
 * {@code MessageFormatException}.
 */
final class BytesObjectWriter {
    private interface Writer {
        void write(BytesMessage message, Object value) throws JMSException;
    }

    private static final Map<Class<?>, Writer> WRITERS = new LinkedHashMap<>();

    static {
        WRITERS.put(Boolean.class, (m, v) -> m.writeBoolean((Boolean) v));
        WRITERS.put(Byte.class, (m, v) -> m.writeByte((Byte) v));
        WRITERS.put(Short.class, (m, v) -> m.writeShort((Short) v));
        WRITERS.put(Character.class, (m, v) -> m.writeChar((Character) v));
        WRITERS.put(Integer.class, (m, v) -> m.writeInt((Integer) v));
        WRITERS.put(Long.class, (m, v) -> m.writeLong((Long) v));
        WRITERS.put(Float.class, (m, v) -> m.writeFloat((Float) v));
        WRITERS.put(Double.class, (m, v) -> m.writeDouble((Double) v));
        WRITERS.put(String.class, (m, v) -> m.writeUTF((String) v));
        WRITERS.put(byte[].class, (m, v) -> m.writeBytes((byte[]) v));
    }

    private BytesObjectWriter() {
    }

    static void write(BytesMessage message, Object value) throws JMSException {
        Writer writer = WRITERS.get(value.getClass());
        if (writer == null) {
            throw MessageErrors.format("writeObject cannot write a " + value.getClass().getName()
                    + "; only primitive wrappers, String and byte[] are allowed");
        }
        writer.write(message, value);
    }
}
