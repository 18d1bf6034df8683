package io.h2mq.message;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

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
 * <p>The fields are kept encoded, one after the other, in a {@link BodyBuffer} (each as {@link Values} writes it), not
 * as objects: a large body is in the heap once, and a byte[] field read in chunks is copied straight from the buffer.
 * A read marks where its field starts and goes back there when the conversion fails.
 *
 * <p>Not thread-safe.
 */
public class H2mqStreamMessage extends H2mqMessage implements StreamMessage {
    private BodyBuffer body = new BodyBuffer();
    private DataOutputStream writer = new DataOutputStream(body);
    /** Fields written, or -1 when unknown (a body received apart from its head) until counted. */
    private int count;
    private DataInputStream reader;
    /** Fields read so far, counting a byte[] field being read in chunks. */
    private int position;
    /** Bytes left of the byte[] field being read in chunks by readBytes, or -1 when no such read is under way. */
    private long partialRemaining = -1;

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

    /** The next field as written; a byte[] is a new array each time. */
    @Override
    public Object readObject() throws JMSException {
        Object value = next();
        position++;
        return value;
    }

    /**
     * Reads the next chunk of a byte[] field: the number of bytes copied, -1 for a null field or once the field
     * is exhausted, 0 for an empty field. A chunk shorter than the buffer ends the field.
     */
    @Override
    public int readBytes(byte[] value) throws JMSException {
        if (partialRemaining < 0) {
            checkNextField();
            try {
                int tag = reader.readUnsignedByte();
                if (!Values.isBytesTag(tag)) {
                    reader.reset();
                    return readBytesOfOtherField();
                }
                int length = reader.readInt();
                position++;
                if (length == 0) {
                    return 0;
                }
                partialRemaining = length;
            } catch (IOException e) {
                throw corrupt(e);
            }
        }
        return nextChunk(value);
    }

    /** A null field reads as -1; any other type is a MessageFormatException, leaving the position where it was. */
    private int readBytesOfOtherField() throws JMSException {
        Object field = next();
        try {
            Conversions.convert(field, ValueKind.BYTES, fieldName());
        } catch (JMSException | RuntimeException e) {
            unread();
            throw e;
        }
        position++;
        return -1;
    }

    private int nextChunk(byte[] value) throws JMSException {
        if (partialRemaining == 0) {
            partialRemaining = -1;
            return -1;
        }
        int n = (int) Math.min(value.length, partialRemaining);
        try {
            reader.readFully(value, 0, n);
        } catch (IOException e) {
            throw corrupt(e);
        }
        partialRemaining -= n;
        if (n < value.length) {
            partialRemaining = -1;
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
        add(value);
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        checkBodyWritable();
        try {
            Values.writeBytesValue(writer, value, offset, length);
        } catch (IOException e) {
            throw MessageErrors.general("cannot write to this StreamMessage", e);
        }
        count++;
    }

    /** Writes a primitive wrapper, String, byte[] or null; any other class is a MessageFormatException. */
    @Override
    public void writeObject(Object value) throws JMSException {
        checkBodyWritable();
        if (!Values.isBodyValue(value)) {
            throw MessageErrors.format("StreamMessage.writeObject cannot write a " + value.getClass().getName()
                    + "; only primitive wrappers, String, byte[] and null are allowed");
        }
        add(value);
    }

    @Override
    public void reset() {
        setBodyReadOnly(true);
        rewind();
    }

    @Override
    public void clearBody() throws JMSException {
        body = new BodyBuffer();
        writer = new DataOutputStream(body);
        count = 0;
        reader = null;
        position = 0;
        partialRemaining = -1;
        super.clearBody();
    }

    @Override
    BodyType bodyType() {
        return BodyType.STREAM;
    }

    /** Field count, then the fields: the layout of format version 1. */
    @Override
    void writeBody(DataOutputStream out) throws IOException {
        out.writeInt(fieldCount());
        body.writeTo(out);
    }

    @Override
    void readBody(DataInputStream in, int remaining) throws IOException {
        count = in.readInt();
        body = BodyBuffer.readFrom(in, remaining - Integer.BYTES);
    }

    @Override
    void onBodyReadOnly() {
        rewind();
    }

    @Override
    BodyBuffer bodyBuffer() {
        return body;
    }

    @Override
    void attachBody(BodyBuffer received) {
        body = received;
        count = -1;
        reset();
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

    private int fieldCount() throws IOException {
        if (count < 0) {
            DataInputStream in = new DataInputStream(body.openStream());
            int n = 0;
            while (in.available() > 0) {
                Values.read(in);
                n++;
            }
            count = n;
        }
        return count;
    }

    private Object read(ValueKind kind) throws JMSException {
        Object field = next();
        try {
            Object value = Conversions.convert(field, kind, fieldName());
            position++;
            return value;
        } catch (JMSException | RuntimeException e) {
            unread();
            throw e;
        }
    }

    /** Decodes the field at the position, marking where it starts so that {@link #unread()} can go back. */
    private Object next() throws JMSException {
        checkNextField();
        try {
            return Values.read(reader);
        } catch (IOException e) {
            throw corrupt(e);
        }
    }

    private void checkNextField() throws JMSException {
        checkBodyReadable();
        if (partialRemaining >= 0) {
            throw MessageErrors.format("the byte[] " + fieldName() + " is only partly read; "
                    + "call readBytes until it returns less than the buffer length or -1");
        }
        try {
            if (reader.available() == 0) {
                throw new MessageEOFException("end of StreamMessage body: all " + position + " fields were read");
            }
        } catch (IOException e) {
            throw corrupt(e);
        }
        reader.mark(0);
    }

    private void unread() {
        try {
            reader.reset();
        } catch (IOException e) {
            throw new IllegalStateException("a BodyBuffer stream always supports reset", e);
        }
    }

    private JMSException corrupt(IOException e) {
        return MessageErrors.general("cannot read " + fieldName() + " of this StreamMessage: " + e.getMessage(), e);
    }

    private String fieldName() {
        return "stream field " + (partialRemaining >= 0 ? position - 1 : position);
    }

    private void add(Object value) throws JMSException {
        checkBodyWritable();
        try {
            Values.write(writer, value);
        } catch (IOException e) {
            throw MessageErrors.general("cannot write to this StreamMessage", e);
        }
        count++;
    }

    private void rewind() {
        reader = new DataInputStream(body.openStream());
        position = 0;
        partialRemaining = -1;
    }
}
