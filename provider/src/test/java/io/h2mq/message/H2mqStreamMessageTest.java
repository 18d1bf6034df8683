package io.h2mq.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;

class H2mqStreamMessageTest {
    private final H2mqStreamMessage message = new H2mqStreamMessage();

    @Test
    void readingWriteOnlyStreamMessageThrowsMessageNotReadable() throws Exception {
        message.writeString("x");
        assertThrows(MessageNotReadableException.class, message::readString);
        assertThrows(MessageNotReadableException.class, message::readObject);
        assertThrows(MessageNotReadableException.class, () -> message.readBytes(new byte[1]));
    }

    @Test
    void writingAfterResetThrowsMessageNotWriteable() throws Exception {
        message.reset();
        assertThrows(MessageNotWriteableException.class, () -> message.writeString("x"));
        assertThrows(MessageNotWriteableException.class, () -> message.writeObject(1));
        assertThrows(MessageNotWriteableException.class, () -> message.writeBytes(new byte[1], 0, 1));
    }

    @Test
    void failedConversionDoesNotAdvanceThePosition() throws Exception {
        message.writeString("mytest string");
        message.writeBoolean(true);
        message.reset();
        assertThrows(NumberFormatException.class, message::readByte);
        assertThrows(MessageFormatException.class, message::readChar);
        assertEquals("mytest string", message.readString());
        assertThrows(MessageFormatException.class, message::readInt);
        assertEquals("true", message.readString());
    }

    @Test
    void valuesWidenPerTheStreamTable() throws Exception {
        message.writeByte((byte) 3);
        message.writeFloat(1.5f);
        message.writeChar('q');
        message.reset();
        assertEquals(3L, message.readLong());
        assertEquals(1.5d, message.readDouble());
        assertEquals("q", message.readString());
    }

    @Test
    void readsOfNullFollowTheNullRules() throws Exception {
        message.writeString(null);
        message.reset();
        assertThrows(NullPointerException.class, message::readChar);
        assertThrows(NumberFormatException.class, message::readInt);
        assertThrows(NullPointerException.class, message::readDouble);
        assertFalse(message.readBoolean());
        message.reset();
        assertNull(message.readString());
        message.reset();
        assertNull(message.readObject());
        message.reset();
        assertEquals(-1, message.readBytes(new byte[1]));
        assertThrows(MessageEOFException.class, message::readObject);
    }

    @Test
    void readPastTheLastFieldThrowsMessageEOF() throws Exception {
        message.writeInt(1);
        message.reset();
        message.readInt();
        assertThrows(MessageEOFException.class, message::readInt);
        assertThrows(MessageEOFException.class, () -> message.readBytes(new byte[1]));
    }

    @Test
    void readBytesOfExactBufferSizeReturnsMinusOneNextThenMovesOn() throws Exception {
        message.writeBytes(new byte[] {1, 2, 3});
        message.writeInt(9);
        message.reset();
        byte[] buffer = new byte[3];
        assertEquals(3, message.readBytes(buffer));
        assertArrayEquals(new byte[] {1, 2, 3}, buffer);
        assertEquals(-1, message.readBytes(buffer));
        assertEquals(9, message.readInt());
    }

    @Test
    void readBytesInChunksEndsWithAShortChunk() throws Exception {
        message.writeBytes(new byte[] {1, 2, 3, 4, 5});
        message.writeString("next");
        message.reset();
        byte[] buffer = new byte[2];
        assertEquals(2, message.readBytes(buffer));
        assertThrows(MessageFormatException.class, message::readString);
        assertEquals(2, message.readBytes(buffer));
        assertEquals(1, message.readBytes(buffer));
        assertEquals(5, buffer[0]);
        assertEquals("next", message.readString());
    }

    @Test
    void readBytesOfEmptyFieldReturnsZero() throws Exception {
        message.writeBytes(new byte[0]);
        message.writeInt(1);
        message.reset();
        assertEquals(0, message.readBytes(new byte[4]));
        assertEquals(1, message.readInt());
    }

    @Test
    void readBytesOfNonBytesFieldThrowsMessageFormatExceptionWithoutMoving() throws Exception {
        message.writeString("s");
        message.reset();
        assertThrows(MessageFormatException.class, () -> message.readBytes(new byte[1]));
        assertEquals("s", message.readString());
    }

    @Test
    void bytesAreCopiedOnWriteAndOnReadObject() throws Exception {
        byte[] data = {1, 2};
        message.writeBytes(data);
        data[0] = 9;
        message.writeBytes(new byte[] {7, 8, 9}, 1, 2);
        message.reset();
        byte[] first = (byte[]) message.readObject();
        assertArrayEquals(new byte[] {1, 2}, first);
        assertArrayEquals(new byte[] {8, 9}, (byte[]) message.readObject());
    }

    @Test
    void writeObjectAcceptsNullAndRejectsOtherClasses() throws Exception {
        message.writeObject(null);
        assertThrows(MessageFormatException.class, () -> message.writeObject(new Object()));
        message.reset();
        assertNull(message.readObject());
    }

    @Test
    void readObjectReturnsTheWrittenType() throws Exception {
        message.writeShort((short) 1);
        message.writeChar('c');
        message.writeObject(2.5f);
        message.reset();
        assertEquals((short) 1, message.readObject());
        assertEquals('c', message.readObject());
        assertEquals(2.5f, message.readObject());
    }

    @Test
    void clearBodyOnReceivedMessageMakesItWriteOnlyAndEmpty() throws Exception {
        message.writeString("Testing...");
        H2mqStreamMessage received = (H2mqStreamMessage) MessageCodec.decode(MessageCodec.encode(message).head());
        assertEquals("Testing...", received.readString());
        received.clearBody();
        assertThrows(MessageNotReadableException.class, received::readString);
        received.writeString("new data");
        received.reset();
        assertEquals("new data", received.readString());
    }

    @Test
    void getBodyThrowsAndBodyIsNeverAssignable() {
        assertThrows(MessageFormatException.class, () -> message.getBody(Object.class));
        assertFalse(message.isBodyAssignableTo(Object.class));
    }

    @Test
    void markReadOnlyMakesTheWrittenFieldsReadableFromTheStart() throws Exception {
        message.writeInt(5);
        message.markReadOnly();
        assertEquals(5, message.readInt());
        assertThrows(MessageNotWriteableException.class, () -> message.writeInt(1));
    }

    @Test
    void largeByteFieldIsReadInChunksAndTheNextFieldFollows() throws Exception {
        byte[] field = new byte[300_000];
        for (int i = 0; i < field.length; i++) {
            field[i] = (byte) (i % 253);
        }
        message.writeBytes(field, 0, field.length);
        message.writeLong(42L);
        message.reset();
        byte[] chunk = new byte[64 * 1024];
        java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
        int n;
        while ((n = message.readBytes(chunk)) > 0) {
            read.write(chunk, 0, n);
            if (n < chunk.length) {
                break;
            }
        }
        assertArrayEquals(field, read.toByteArray());
        assertEquals(42L, message.readLong());
    }

    @Test
    void aReceivedBodyReadsTheSameAsTheWrittenOne() throws Exception {
        message.writeInt(7);
        message.writeBytes(new byte[] {1, 2, 3});
        message.writeString("end");
        H2mqStreamMessage received = (H2mqStreamMessage) MessageCodec.decode(MessageCodec.encode(message).head());
        assertEquals(7, received.readInt());
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) received.readObject());
        assertEquals("end", received.readString());
        assertThrows(MessageEOFException.class, received::readObject);
    }
}
