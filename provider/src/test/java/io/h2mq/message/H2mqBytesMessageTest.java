package io.h2mq.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;

class H2mqBytesMessageTest {
    private final H2mqBytesMessage message = new H2mqBytesMessage();

    @Test
    void readingWriteOnlyBytesMessageThrowsMessageNotReadable() throws Exception {
        message.writeInt(1);
        assertThrows(MessageNotReadableException.class, message::readInt);
        assertThrows(MessageNotReadableException.class, message::getBodyLength);
        assertThrows(MessageNotReadableException.class, () -> message.readBytes(new byte[1]));
    }

    @Test
    void writingAfterResetThrowsMessageNotWriteable() throws Exception {
        message.writeInt(1);
        message.reset();
        assertThrows(MessageNotWriteableException.class, () -> message.writeInt(2));
        assertThrows(MessageNotWriteableException.class, () -> message.writeObject(2));
    }

    @Test
    void everyTypeReadsBackInOrder() throws Exception {
        message.writeBoolean(true);
        message.writeByte((byte) -1);
        message.writeShort((short) -2);
        message.writeChar('z');
        message.writeInt(3);
        message.writeLong(4L);
        message.writeFloat(5.5f);
        message.writeDouble(6.5);
        message.writeUTF("sieben");
        message.writeBytes(new byte[] {8, 9});
        message.writeBytes(new byte[] {0, 10, 0}, 1, 1);
        message.reset();
        assertEquals(true, message.readBoolean());
        assertEquals(-1, message.readByte());
        assertEquals(-2, message.readShort());
        assertEquals('z', message.readChar());
        assertEquals(3, message.readInt());
        assertEquals(4L, message.readLong());
        assertEquals(5.5f, message.readFloat());
        assertEquals(6.5, message.readDouble());
        assertEquals("sieben", message.readUTF());
        byte[] rest = new byte[3];
        assertEquals(3, message.readBytes(rest));
        assertArrayEquals(new byte[] {8, 9, 10}, rest);
    }

    @Test
    void unsignedReadsSeeTheBytesAsUnsigned() throws Exception {
        message.writeByte((byte) -1);
        message.writeShort((short) -1);
        message.reset();
        assertEquals(255, message.readUnsignedByte());
        assertEquals(65535, message.readUnsignedShort());
    }

    @Test
    void readPastEndThrowsMessageEOFAndKeepsPosition() throws Exception {
        message.writeShort((short) 7);
        message.reset();
        assertThrows(MessageEOFException.class, message::readInt);
        assertEquals(7, message.readShort());
        assertThrows(MessageEOFException.class, message::readByte);
    }

    @Test
    void readBytesReadsPartiallyThenReturnsMinusOne() throws Exception {
        message.writeBytes(new byte[] {1, 2, 3, 4, 5});
        message.reset();
        byte[] buffer = new byte[2];
        assertEquals(2, message.readBytes(buffer));
        assertEquals(2, message.readBytes(buffer, 2));
        assertEquals(1, message.readBytes(buffer));
        assertEquals(5, buffer[0]);
        assertEquals(-1, message.readBytes(buffer));
    }

    @Test
    void readBytesWithLengthBeyondBufferThrowsIndexOutOfBounds() throws Exception {
        message.reset();
        assertThrows(IndexOutOfBoundsException.class, () -> message.readBytes(new byte[1], 2));
    }

    @Test
    void getBodyLengthCountsAllBytesInReadOnlyMode() throws Exception {
        message.writeLong(1);
        message.writeUTF("ab");
        message.reset();
        assertEquals(12, message.getBodyLength());
    }

    @Test
    void resetRewindsToTheStart() throws Exception {
        message.writeInt(42);
        message.reset();
        assertEquals(42, message.readInt());
        message.reset();
        assertEquals(42, message.readInt());
    }

    @Test
    void writeObjectAcceptsWrappersStringAndBytes() throws Exception {
        message.writeObject(1);
        message.writeObject("s");
        message.writeObject(new byte[] {3});
        message.writeObject('c');
        message.reset();
        assertEquals(1, message.readInt());
        assertEquals("s", message.readUTF());
        assertEquals(3, message.readByte());
        assertEquals('c', message.readChar());
    }

    @Test
    void writeObjectOfOtherClassThrowsMessageFormatException() {
        assertThrows(MessageFormatException.class, () -> message.writeObject(new StringBuilder()));
    }

    @Test
    void writeObjectNullThrowsNullPointerException() {
        assertThrows(NullPointerException.class, () -> message.writeObject(null));
    }

    @Test
    void clearBodyOnReceivedMessageMakesItWriteOnlyAndEmpty() throws Exception {
        message.writeByte((byte) 1);
        H2mqBytesMessage received = (H2mqBytesMessage) MessageCodec.decode(MessageCodec.encode(message).head());
        received.clearBody();
        assertThrows(MessageNotReadableException.class, received::readByte);
        received.writeByte((byte) 22);
        received.reset();
        assertEquals(1, received.getBodyLength());
        assertEquals(22, received.readByte());
    }

    @Test
    void getBodyReturnsAllBytesInAnyModeOrNullWhenEmpty() throws Exception {
        assertEquals(null, message.getBody(byte[].class));
        message.writeByte((byte) 1);
        message.writeInt(22);
        assertArrayEquals(new byte[] {1, 0, 0, 0, 22}, message.getBody(byte[].class));
        message.reset();
        message.readByte();
        assertArrayEquals(new byte[] {1, 0, 0, 0, 22}, message.getBody(byte[].class));
        assertEquals(22, message.readInt());
        assertThrows(MessageFormatException.class, () -> message.getBody(StringBuffer.class));
    }

    @Test
    void markReadOnlyFreezesWhatWasWrittenAndReadsFromTheStart() throws Exception {
        message.writeInt(5);
        message.setIntProperty("p", 1);
        message.markReadOnly();
        assertEquals(4, message.getBodyLength());
        assertEquals(5, message.readInt());
        assertThrows(MessageNotWriteableException.class, () -> message.writeInt(1));
        assertThrows(MessageNotWriteableException.class, () -> message.setIntProperty("p", 2));
    }

    @Test
    void bodyWrittenInChunksReadsBackInChunksThatSpanBlocks() throws Exception {
        byte[] chunk = new byte[100_000];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) (i % 251);
        }
        for (int i = 0; i < 5; i++) {
            message.writeBytes(chunk);
        }
        message.reset();
        assertEquals(500_000, message.getBodyLength());
        byte[] read = new byte[chunk.length];
        for (int i = 0; i < 5; i++) {
            assertEquals(chunk.length, message.readBytes(read), "a chunk is filled whole while bytes remain");
            assertArrayEquals(chunk, read);
        }
        assertEquals(-1, message.readBytes(read));
    }

    @Test
    void sendingDoesNotCopyIntoTheApplicationsMessage() throws Exception {
        message.writeBytes(new byte[] {1, 2});
        H2mqBytesMessage copy = (H2mqBytesMessage) H2mqMessage.copyOf(message);
        message.writeBytes(new byte[] {3});
        message.reset();
        assertEquals(3, message.getBodyLength());
        assertEquals(2, copy.getBodyLength(), "the copy keeps the body as it was when copied");
    }
}
