package io.h2mq.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StreamCorruptedException;

import org.junit.jupiter.api.Test;

import io.h2mq.H2mqQueue;

import jakarta.jms.JMSException;
import jakarta.jms.MessageNotReadableException;

/** Where the codec puts a body: in the head up to the threshold, apart above it, and how it comes back. */
class LargeBodyCodecTest {
    private static final int THRESHOLD = MessageCodec.LARGE_BODY_THRESHOLD;

    private static byte[] bytes(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + i / 7);
        }
        return b;
    }

    private static H2mqBytesMessage bytesMessage(int length) throws JMSException {
        H2mqBytesMessage m = new H2mqBytesMessage();
        m.setJMSDestination(new H2mqQueue("big"));
        m.setStringProperty("kind", "large");
        m.writeBytes(bytes(length));
        return m;
    }

    private static byte[] body(H2mqBytesMessage m) throws JMSException {
        byte[] read = new byte[(int) m.getBodyLength()];
        assertEquals(read.length == 0 ? -1 : read.length, m.readBytes(read));
        return read;
    }

    /** Decodes the head and attaches the body apart, as the engine does for a delivery. */
    private static H2mqMessage received(EncodedMessage encoded) throws JMSException, IOException {
        H2mqMessage m = MessageCodec.decode(encoded.head());
        if (encoded.hasBodyApart()) {
            MessageCodec.attachBody(m, encoded.openBodyApart(), encoded.bodyApartLength());
        }
        return m;
    }

    @Test
    void bytesBodyOfExactlyTheThresholdStaysInTheHead() throws Exception {
        EncodedMessage encoded = MessageCodec.encode(bytesMessage(THRESHOLD));
        assertFalse(encoded.hasBodyApart());
        assertEquals(MessageCodec.VERSION, encoded.head()[0]);
        assertEquals(encoded.head().length, encoded.size());
        assertArrayEquals(bytes(THRESHOLD), body((H2mqBytesMessage) MessageCodec.decode(encoded.head())));
    }

    @Test
    void bytesBodyAboveTheThresholdGoesApartAndTheHeadKeepsHeadersAndProperties() throws Exception {
        EncodedMessage encoded = MessageCodec.encode(bytesMessage(THRESHOLD + 1));
        assertTrue(encoded.hasBodyApart());
        assertEquals(MessageCodec.VERSION_BODY_APART, encoded.head()[0]);
        assertTrue(encoded.head().length < 200, "the head holds no body: " + encoded.head().length + " bytes");
        assertEquals(THRESHOLD + 1, encoded.bodyApartLength());
        assertEquals(encoded.head().length + THRESHOLD + 1L, encoded.size());
        H2mqMessage head = MessageCodec.decode(encoded.head());
        assertEquals("large", head.getStringProperty("kind"));
        assertEquals(new H2mqQueue("big"), head.getJMSDestination());
        assertTrue(head.awaitsBody());
    }

    @Test
    void bodyApartAttachedToTheDecodedHeadReadsAsWritten() throws Exception {
        H2mqBytesMessage m = (H2mqBytesMessage) received(MessageCodec.encode(bytesMessage(THRESHOLD + 1000)));
        assertFalse(m.awaitsBody());
        assertArrayEquals(bytes(THRESHOLD + 1000), body(m));
    }

    @Test
    void aMessageAwaitingItsBodyRefusesToBeRead() throws Exception {
        H2mqBytesMessage m = (H2mqBytesMessage) MessageCodec.decode(
                MessageCodec.encode(bytesMessage(THRESHOLD + 1)).head());
        MessageNotReadableException e = assertThrows(MessageNotReadableException.class, m::getBodyLength);
        assertTrue(e.getMessage().contains((THRESHOLD + 1) + " bytes, stored apart"), e.getMessage());
        assertThrows(MessageNotReadableException.class, () -> m.getBody(byte[].class));
    }

    @Test
    void streamBodyAboveTheThresholdGoesApartAndReadsBackFieldByField() throws Exception {
        H2mqStreamMessage m = new H2mqStreamMessage();
        m.writeInt(1);
        m.writeBytes(bytes(THRESHOLD));
        m.writeString("last");
        EncodedMessage encoded = MessageCodec.encode(m);
        assertTrue(encoded.hasBodyApart());
        H2mqStreamMessage back = (H2mqStreamMessage) received(encoded);
        assertEquals(1, back.readInt());
        assertArrayEquals(bytes(THRESHOLD), (byte[]) back.readObject());
        assertEquals("last", back.readString());
    }

    @Test
    void streamBodyReceivedApartCanBeEncodedAgain() throws Exception {
        H2mqStreamMessage m = new H2mqStreamMessage();
        m.writeBytes(bytes(THRESHOLD + 5));
        m.writeLong(9L);
        H2mqStreamMessage again = (H2mqStreamMessage) received(MessageCodec.encode(received(MessageCodec.encode(m))));
        assertArrayEquals(bytes(THRESHOLD + 5), (byte[]) again.readObject());
        assertEquals(9L, again.readLong());
    }

    @Test
    void textBodyStaysInTheHeadWhateverItsSize() throws Exception {
        String text = "x".repeat(THRESHOLD * 2);
        EncodedMessage encoded = MessageCodec.encode(new H2mqTextMessage(text));
        assertFalse(encoded.hasBodyApart());
        assertEquals(text, ((H2mqTextMessage) MessageCodec.decode(encoded.head())).getText());
    }

    @Test
    void aMovedMessageWhoseBodyWasNeverLoadedKeepsItApartUnloaded() throws Exception {
        H2mqMessage stored = MessageCodec.decode(MessageCodec.encode(bytesMessage(THRESHOLD + 7)).head());
        H2mqMessage moved = H2mqMessage.copyOf(stored);
        moved.setStringProperty("H2MQ_ORIGINAL_DESTINATION", "queue://big");
        EncodedMessage encoded = MessageCodec.encode(moved);
        assertTrue(encoded.hasBodyApart());
        assertFalse(encoded.isBodyApartLoaded());
        assertEquals(THRESHOLD + 7, encoded.bodyApartLength());
        assertThrows(IllegalStateException.class, encoded::openBodyApart);
        H2mqMessage movedHead = MessageCodec.decode(encoded.head());
        assertEquals("queue://big", movedHead.getStringProperty("H2MQ_ORIGINAL_DESTINATION"));
        assertTrue(movedHead.awaitsBody());
    }

    @Test
    void copyOfALargeMessageKeepsTheWholeBody() throws Exception {
        H2mqBytesMessage original = bytesMessage(THRESHOLD + 3);
        H2mqBytesMessage copy = assertInstanceOf(H2mqBytesMessage.class, H2mqMessage.copyOf(original));
        original.writeBytes(new byte[] {1});
        assertArrayEquals(bytes(THRESHOLD + 3), body(copy), "later writes to the original do not reach the copy");
    }

    @Test
    void aBodyOfAnotherLengthThanTheHeadSaysIsRefused() throws Exception {
        H2mqMessage head = MessageCodec.decode(MessageCodec.encode(bytesMessage(THRESHOLD + 1)).head());
        StreamCorruptedException e = assertThrows(StreamCorruptedException.class,
                () -> MessageCodec.attachBody(head, new ByteArrayInputStream(new byte[10]), 10));
        assertTrue(e.getMessage().contains("10 bytes; its head says " + (THRESHOLD + 1)), e.getMessage());
    }

    @Test
    void aHeadThatPutsATextBodyApartIsRejectedAsCorrupt() throws Exception {
        byte[] head = MessageCodec.encode(new H2mqTextMessage()).head();
        byte[] corrupt = java.util.Arrays.copyOf(head, head.length + 8);
        corrupt[0] = MessageCodec.VERSION_BODY_APART;
        JMSException e = assertThrows(JMSException.class, () -> MessageCodec.decode(corrupt));
        assertTrue(e.getMessage().contains("cannot have a body"), e.getMessage());
    }
}
