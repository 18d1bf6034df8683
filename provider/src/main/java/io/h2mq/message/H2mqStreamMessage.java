package io.h2mq.message;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.StreamMessage;

/**
 * A message whose body is a sequence of typed values, read back in order with the stream conversion table
 * (spec table 3-5, see {@link Conversions}). Write-only when created or cleared, read-only after {@link #reset()} or
 * receive.
 *
 * <p>Reading rules the TCK checks: a read whose conversion fails ({@code MessageFormatException},
 * {@code NumberFormatException}, {@code NullPointerException}) does not advance the position; a byte[] field may be
 * read in chunks by {@link #readBytes(byte[])}, which returns -1 once the field is exhausted (after a chunk that
 * filled the buffer exactly), and another read in the middle of such a field is a {@code MessageFormatException}.
 *
 * <p>Not thread-safe.
 */
public class H2mqStreamMessage extends H2mqMessage implements StreamMessage {
    private final List<Object> fields = new ArrayList<>();
    private int position;
    /** The byte[] field being read in chunks by readBytes, or null. */
    private byte[] partialBytes;
    private int partialOffset;

    public H2mqStreamMessage() {
    }

    @Override
    public boolean readBoolean() throws JMSException {
        return (Boolean) read(ValueKind.BOOLEAN);
    }

    @Override
    public byte readByte() throws JMSException {
        return (Byte) read(ValueKind.BYTE);
    }

    @Override
    public short readShort() throws JMSException {
        return (Short) read(ValueKind.SHORT);
    }

    @Override
    public char readChar() throws JMSException {
        return (Character) read(ValueKind.CHAR);
    }

    @Override
    public int readInt() throws JMSException {
        return (Integer) read(ValueKind.INT);
    }

    @Override
    public long readLong() throws JMSException {
        return (Long) read(ValueKind.LONG);
    }

    @Override
    public float readFloat() throws JMSException {
        return (Float) read(ValueKind.FLOAT);
    }

    @Override
    public double readDouble() throws JMSException {
        return (Double) read(ValueKind.DOUBLE);
    }

    @Override
    public String readString() throws JMSException {
        return (String) read(ValueKind.STRING);
    }

    @Override
    public Object readObject() throws JMSException {
        Object value = next();
        position++;
        return value instanceof byte[] b ? b.clone() : value;
    }

    /**
     * Reads the next chunk of a byte[] field: the number of bytes copied, -1 for a null field or once the field
     * is exhausted, 0 for an empty field. A chunk shorter than the buffer ends the field.
     */
    @Override
    public int readBytes(byte[] value) throws JMSException {
        if (partialBytes == null) {
            Object field = next();
            byte[] bytes = (byte[]) Conversions.convert(field, ValueKind.BYTES, fieldName());
            position++;
            if (bytes == null) {
                return -1;
            }
            if (bytes.length == 0) {
                return 0;
            }
            partialBytes = bytes;
            partialOffset = 0;
        }
        return nextChunk(value);
    }

    private int nextChunk(byte[] value) {
        int remaining = partialBytes.length - partialOffset;
        if (remaining == 0) {
            partialBytes = null;
            return -1;
        }
        int n = Math.min(value.length, remaining);
        System.arraycopy(partialBytes, partialOffset, value, 0, n);
        partialOffset += n;
        if (n < value.length) {
            partialBytes = null;
        }
        return n;
    }

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        add(value);
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        add(value);
    }

    @Override
    public void writeShort(short value) throws JMSException {
        add(value);
    }

    @Override
    public void writeChar(char value) throws JMSException {
        add(value);
    }

    @Override
    public void writeInt(int value) throws JMSException {
        add(value);
    }

    @Override
    public void writeLong(long value) throws JMSException {
        add(value);
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        add(value);
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        add(value);
    }

    @Override
    public void writeString(String value) throws JMSException {
        add(value);
    }

    @Override
    public void writeBytes(byte[] value) throws JMSException {
        add(value == null ? null : value.clone());
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        add(java.util.Arrays.copyOfRange(value, offset, offset + length));
    }

    /** Writes a primitive wrapper, String, byte[] or null; any other class is a MessageFormatException. */
    @Override
    public void writeObject(Object value) throws JMSException {
        checkBodyWritable();
        if (!Values.isBodyValue(value)) {
            throw MessageErrors.format("StreamMessage.writeObject cannot write a " + value.getClass().getName()
                    + "; only primitive wrappers, String, byte[] and null are allowed");
        }
        add(value instanceof byte[] b ? b.clone() : value);
    }

    @Override
    public void reset() {
        setBodyReadOnly(true);
        rewind();
    }

    @Override
    public void clearBody() throws JMSException {
        fields.clear();
        rewind();
        super.clearBody();
    }

    @Override
    BodyType bodyType() {
        return BodyType.STREAM;
    }

    @Override
    void writeBody(DataOutputStream out) throws IOException {
        out.writeInt(fields.size());
        for (Object field : fields) {
            Values.write(out, field);
        }
    }

    @Override
    void readBody(DataInputStream in) throws IOException {
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            fields.add(Values.read(in));
        }
    }

    @Override
    void onBodyReadOnly() {
        rewind();
    }

    /** A stream body cannot be returned by getBody: the spec says MessageFormatException. */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        throw MessageErrors.format("the body of a StreamMessage cannot be returned by getBody (asked for "
                + c.getName() + ")");
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) {
        return false;
    }

    /** The fields as written, for conversion and copying; byte[] values are not copied. */
    List<Object> fields() {
        return fields;
    }

    private Object read(ValueKind kind) throws JMSException {
        Object value = Conversions.convert(next(), kind, fieldName());
        position++;
        return value;
    }

    /** The field at the position, without moving. */
    private Object next() throws JMSException {
        checkBodyReadable();
        if (partialBytes != null) {
            throw MessageErrors.format("the byte[] " + fieldName() + " is only partly read; "
                    + "call readBytes until it returns less than the buffer length or -1");
        }
        if (position >= fields.size()) {
            throw new MessageEOFException("end of StreamMessage body: all " + fields.size() + " fields were read");
        }
        return fields.get(position);
    }

    private String fieldName() {
        return "stream field " + (partialBytes != null ? position - 1 : position);
    }

    private void add(Object value) throws JMSException {
        checkBodyWritable();
        fields.add(value);
    }

    private void rewind() {
        position = 0;
        partialBytes = null;
        partialOffset = 0;
    }
}
