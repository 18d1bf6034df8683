package io.h2mq.message;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;

/**
 * A message whose body is an uninterpreted byte stream, written and read as {@link DataOutputStream} and
 * {@link DataInputStream} do. The body is write-only when the message is created or cleared, and read-only after
 * {@link #reset()} or receive. A read that runs past the end throws {@code MessageEOFException} and leaves the
 * position where it was.
 *
 * <p>The body lives in a {@link BodyBuffer}: written in blocks that never move, read in place after {@link #reset()}
 * (no copy), filled in one copy when received, so a large body is in the heap once.
 *
 * <p>Not thread-safe.
 */
public class H2mqBytesMessage extends H2mqMessage implements BytesMessage {
    private BodyBuffer body = new BodyBuffer();
    private DataOutputStream writer = new DataOutputStream(body);
    private DataInputStream reader;

    public H2mqBytesMessage() {
    }

    @Override
    public long getBodyLength() throws JMSException {
        checkBodyReadable();
        return body.length();
    }

    /** Makes the body read-only (it stays where it was written) and reads it from the start. */
    @Override
    public void reset() {
        setBodyReadOnly(true);
        reader = new DataInputStream(body.openStream());
    }

    @Override
    public void clearBody() throws JMSException {
        body = new BodyBuffer();
        writer = new DataOutputStream(body);
        reader = null;
        super.clearBody();
    }

    // ---- reading

    @Override
    public boolean readBoolean() throws JMSException {
        return read("boolean", DataInputStream::readBoolean);
    }

    @Override
    public byte readByte() throws JMSException {
        return read("byte", DataInputStream::readByte);
    }

    @Override
    public int readUnsignedByte() throws JMSException {
        return read("unsigned byte", DataInputStream::readUnsignedByte);
    }

    @Override
    public short readShort() throws JMSException {
        return read("short", DataInputStream::readShort);
    }

    @Override
    public int readUnsignedShort() throws JMSException {
        return read("unsigned short", DataInputStream::readUnsignedShort);
    }

    @Override
    public char readChar() throws JMSException {
        return read("char", DataInputStream::readChar);
    }

    @Override
    public int readInt() throws JMSException {
        return read("int", DataInputStream::readInt);
    }

    @Override
    public long readLong() throws JMSException {
        return read("long", DataInputStream::readLong);
    }

    @Override
    public float readFloat() throws JMSException {
        return read("float", DataInputStream::readFloat);
    }

    @Override
    public double readDouble() throws JMSException {
        return read("double", DataInputStream::readDouble);
    }

    @Override
    public String readUTF() throws JMSException {
        return read("UTF string", in -> in.readUTF());
    }

    @Override
    public int readBytes(byte[] value) throws JMSException {
        return readBytes(value, value.length);
    }

    /** Reads up to {@code length} bytes; returns how many, or -1 when the body is fully read. */
    @Override
    public int readBytes(byte[] value, int length) throws JMSException {
        checkBodyReadable();
        if (length < 0 || length > value.length) {
            throw new IndexOutOfBoundsException("length " + length + " is not within the buffer size " + value.length);
        }
        try {
            if (reader.available() == 0) {
                return -1;
            }
            return reader.read(value, 0, length);
        } catch (IOException e) {
            throw MessageErrors.general("cannot read the body of this BytesMessage", e);
        }
    }

    // ---- writing

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        write(out -> out.writeBoolean(value));
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        write(out -> out.writeByte(value));
    }

    @Override
    public void writeShort(short value) throws JMSException {
        write(out -> out.writeShort(value));
    }

    @Override
    public void writeChar(char value) throws JMSException {
        write(out -> out.writeChar(value));
    }

    @Override
    public void writeInt(int value) throws JMSException {
        write(out -> out.writeInt(value));
    }

    @Override
    public void writeLong(long value) throws JMSException {
        write(out -> out.writeLong(value));
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        write(out -> out.writeFloat(value));
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        write(out -> out.writeDouble(value));
    }

    @Override
    public void writeUTF(String value) throws JMSException {
        write(out -> out.writeUTF(value));
    }

    @Override
    public void writeBytes(byte[] value) throws JMSException {
        write(out -> out.write(value));
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        write(out -> out.write(value, offset, length));
    }

    /** Writes a primitive wrapper, String (as UTF) or byte[]; null is a NullPointerException as the spec asks. */
    @Override
    public void writeObject(Object value) throws JMSException {
        if (value == null) {
            throw new NullPointerException("BytesMessage.writeObject(null): a bytes message cannot hold null");
        }
        BytesObjectWriter.write(this, value);
    }

    // ---- body hooks

    @Override
    BodyType bodyType() {
        return BodyType.BYTES;
    }

    /** Length, then the bytes: the layout {@link Values#writeBytes} writes. */
    @Override
    void writeBody(DataOutputStream out) throws IOException {
        if (body.length() > Integer.MAX_VALUE) {
            throw new IOException("a body of " + body.length() + " bytes cannot be encoded in a message's head");
        }
        out.writeInt((int) body.length());
        body.writeTo(out);
    }

    @Override
    void readBody(DataInputStream in, int remaining) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > remaining - Integer.BYTES) {
            throw new java.io.StreamCorruptedException("BytesMessage body length " + length + " with "
                    + (remaining - Integer.BYTES) + " bytes left");
        }
        body = BodyBuffer.readFrom(in, length);
        setBodyReadOnly(true);
    }

    @Override
    void onBodyReadOnly() {
        reset();
    }

    @Override
    BodyBuffer bodyBuffer() {
        return body;
    }

    @Override
    void attachBody(BodyBuffer received) {
        body = received;
        reset();
    }

    /** A copy of the whole body whatever the mode and position, or null when it is empty. */
    @Override
    Object bodyAsObject() throws JMSException {
        checkBodyLoaded();
        if (body.length() == 0) {
            return null;
        }
        try {
            return body.toByteArray();
        } catch (IllegalStateException e) {
            throw MessageErrors.format("the body of this BytesMessage has " + body.length()
                    + " bytes, too many for getBody(byte[].class); read it with readBytes", e);
        }
    }

    private interface Read<T> {
        T from(DataInputStream in) throws IOException;
    }

    private interface Write {
        void to(DataOutputStream out) throws IOException;
    }

    private <T> T read(String what, Read<T> read) throws JMSException {
        checkBodyReadable();
        reader.mark(0);
        try {
            return read.from(reader);
        } catch (EOFException e) {
            rewind();
            throw MessageErrors.endOfBody("BytesMessage body while reading a " + what, e);
        } catch (UTFDataFormatException e) {
            rewind();
            throw MessageErrors.format("BytesMessage body holds no valid UTF string here", e);
        } catch (IOException e) {
            throw MessageErrors.general("cannot read a " + what + " from this BytesMessage", e);
        }
    }

    private void rewind() {
        try {
            reader.reset();
        } catch (IOException e) {
            throw new IllegalStateException("a BodyBuffer stream always supports reset", e);
        }
    }

    private void write(Write write) throws JMSException {
        checkBodyWritable();
        try {
            write.to(writer);
        } catch (UTFDataFormatException e) {
            throw MessageErrors.format("string is too long for BytesMessage.writeUTF (limit 65535 UTF-8 bytes)", e);
        } catch (IOException e) {
            throw MessageErrors.general("cannot write to this BytesMessage", e);
        }
    }
}
