package io.h2mq.message;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes and reads the typed values of the binary format: a one-byte tag, then the value. Used for properties,
 * map entries and stream fields. Strings are a length-prefixed UTF-8 array, so they are not limited to 64 KiB as
 * {@link DataOutputStream#writeUTF} is. Tags are part of the stored format: never reuse one.
 */
final class Values {
    private static final int NULL = 0;
    private static final int BOOLEAN = 1;
    private static final int BYTE = 2;
    private static final int SHORT = 3;
    private static final int CHAR = 4;
    private static final int INT = 5;
    private static final int LONG = 6;
    private static final int FLOAT = 7;
    private static final int DOUBLE = 8;
    private static final int STRING = 9;
    private static final int BYTES = 10;

    private Values() {
    }

    /** True for the types a map entry or stream field may hold (null included). */
    static boolean isBodyValue(Object value) {
        return value == null || MessageProperties.isPropertyType(value)
                || value instanceof Character || value instanceof byte[];
    }

    static void write(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof Boolean v) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(v);
        } else if (value instanceof Byte v) {
            out.writeByte(BYTE);
            out.writeByte(v);
        } else if (value instanceof Short v) {
            out.writeByte(SHORT);
            out.writeShort(v);
        } else if (value instanceof Character v) {
            out.writeByte(CHAR);
            out.writeChar(v);
        } else if (value instanceof Integer v) {
            out.writeByte(INT);
            out.writeInt(v);
        } else if (value instanceof Long v) {
            out.writeByte(LONG);
            out.writeLong(v);
        } else if (value instanceof Float v) {
            out.writeByte(FLOAT);
            out.writeFloat(v);
        } else if (value instanceof Double v) {
            out.writeByte(DOUBLE);
            out.writeDouble(v);
        } else if (value instanceof String v) {
            out.writeByte(STRING);
            writeString(out, v);
        } else if (value instanceof byte[] v) {
            out.writeByte(BYTES);
            writeBytes(out, v);
        } else {
            throw new IllegalArgumentException("not a message value type: " + value.getClass().getName());
        }
    }

    /** Writes a byte[] value, tag included, from part of an array without copying that part first. */
    static void writeBytesValue(DataOutputStream out, byte[] value, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, value.length);
        out.writeByte(BYTES);
        out.writeInt(length);
        out.write(value, offset, length);
    }

    static Object read(DataInputStream in) throws IOException {
        return readAfterTag(in, in.readUnsignedByte());
    }

    /** True for the tag of a byte[] value, which {@link #readBytes} reads (length, then the bytes). */
    static boolean isBytesTag(int tag) {
        return tag == BYTES;
    }

    /** The value whose tag the caller has just read. */
    static Object readAfterTag(DataInputStream in, int tag) throws IOException {
        switch (tag) {
            case NULL: return null;
            case BOOLEAN: return in.readBoolean();
            case BYTE: return in.readByte();
            case SHORT: return in.readShort();
            case CHAR: return in.readChar();
            case INT: return in.readInt();
            case LONG: return in.readLong();
            case FLOAT: return in.readFloat();
            case DOUBLE: return in.readDouble();
            case STRING: return readString(in);
            case BYTES: return readBytes(in);
            default: throw new StreamCorruptedException("unknown value tag " + tag);
        }
    }

    /** A non-null string. */
    static void writeString(DataOutputStream out, String value) throws IOException {
        writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    static void writeNullableString(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            writeString(out, value);
        }
    }

    static String readNullableString(DataInputStream in) throws IOException {
        return in.readBoolean() ? readString(in) : null;
    }

    static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new StreamCorruptedException("negative array length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
