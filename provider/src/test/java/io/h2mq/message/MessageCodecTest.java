package io.h2mq.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.h2mq.H2mqDestination;
import io.h2mq.H2mqQueue;
import io.h2mq.H2mqTemporaryQueue;
import io.h2mq.H2mqTemporaryTopic;
import io.h2mq.H2mqTopic;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageNotWriteableException;

class MessageCodecTest {
    private static H2mqMessage roundTrip(H2mqMessage m) throws JMSException {
        return MessageCodec.decode(MessageCodec.encode(m).head());
    }

    @Test
    void firstByteIsTheFormatVersion() throws Exception {
        assertEquals(MessageCodec.VERSION, MessageCodec.encode(new H2mqMessage()).head()[0]);
    }

    @Test
    void unknownVersionIsRejectedNamingIt() throws Exception {
        byte[] bytes = MessageCodec.encode(new H2mqMessage()).head();
        bytes[0] = 99;
        JMSException e = assertThrows(JMSException.class, () -> MessageCodec.decode(bytes));
        assertTrue(e.getMessage().contains("99"), e.getMessage());
    }

    @Test
    void truncatedBytesThrowJMSException() throws Exception {
        byte[] bytes = MessageCodec.encode(new H2mqTextMessage("hello")).head();
        assertThrows(JMSException.class, () -> MessageCodec.decode(java.util.Arrays.copyOf(bytes, bytes.length - 2)));
    }

    @Test
    void everyHeaderRoundTrips() throws Exception {
        H2mqMessage m = new H2mqMessage();
        m.setJMSMessageID("ID:abc");
        m.setJMSTimestamp(1234L);
        m.setJMSCorrelationID("corr");
        m.setJMSReplyTo(new H2mqTopic("replies"));
        m.setJMSDestination(new H2mqQueue("orders"));
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSType("type");
        m.setJMSExpiration(99L);
        m.setJMSPriority(9);
        m.setJMSDeliveryTime(77L);
        m.setJMSRedelivered(true);
        m.setDeliveryCount(5);
        H2mqMessage d = roundTrip(m);
        assertEquals(H2mqMessage.class, d.getClass());
        assertEquals("ID:abc", d.getJMSMessageID());
        assertEquals(1234L, d.getJMSTimestamp());
        assertEquals("corr", d.getJMSCorrelationID());
        assertEquals(new H2mqTopic("replies"), d.getJMSReplyTo());
        assertEquals(new H2mqQueue("orders"), d.getJMSDestination());
        assertEquals(DeliveryMode.NON_PERSISTENT, d.getJMSDeliveryMode());
        assertEquals("type", d.getJMSType());
        assertEquals(99L, d.getJMSExpiration());
        assertEquals(9, d.getJMSPriority());
        assertEquals(77L, d.getJMSDeliveryTime());
        assertFalse(d.getJMSRedelivered(), "JMSRedelivered is set by the receiver");
        assertFalse(d.propertyExists("JMSXDeliveryCount"), "JMSXDeliveryCount is set by the receiver");
    }

    @Test
    void absentHeadersStayAbsent() throws Exception {
        H2mqMessage d = roundTrip(new H2mqMessage());
        assertNull(d.getJMSMessageID());
        assertNull(d.getJMSCorrelationID());
        assertNull(d.getJMSReplyTo());
        assertNull(d.getJMSDestination());
        assertNull(d.getJMSType());
        assertEquals(DeliveryMode.PERSISTENT, d.getJMSDeliveryMode());
    }

    @Test
    void bytesCorrelationIdKeepsItsForm() throws Exception {
        H2mqMessage m = new H2mqMessage();
        m.setJMSCorrelationIDAsBytes(new byte[] {0, -1, 7});
        H2mqMessage d = roundTrip(m);
        assertArrayEquals(new byte[] {0, -1, 7}, d.getJMSCorrelationIDAsBytes());
        assertInstanceOf(byte[].class, d.correlationIdRaw());
    }

    static Stream<H2mqDestination> destinations() {
        return Stream.of(new H2mqQueue("q"), new H2mqTopic("t"),
                new H2mqTemporaryQueue("tq", null), new H2mqTemporaryTopic("tt", null));
    }

    @ParameterizedTest
    @MethodSource("destinations")
    void destinationsKeepKindAndTemporaryFlag(H2mqDestination destination) throws Exception {
        H2mqMessage m = new H2mqMessage();
        m.setJMSReplyTo(destination);
        m.setJMSDestination(destination);
        H2mqMessage d = roundTrip(m);
        for (H2mqDestination decoded : List.of((H2mqDestination) d.getJMSReplyTo(),
                (H2mqDestination) d.getJMSDestination())) {
            assertEquals(destination.getClass(), decoded.getClass());
            assertEquals(destination.name(), decoded.name());
            assertEquals(destination.isTemporary(), decoded.isTemporary());
        }
    }

    @Test
    void everyPropertyTypeRoundTripsExactly() throws Exception {
        H2mqMessage m = new H2mqMessage();
        m.setBooleanProperty("bo", true);
        m.setByteProperty("by", (byte) -3);
        m.setShortProperty("sh", (short) 300);
        m.setIntProperty("it", 70000);
        m.setLongProperty("lo", Long.MIN_VALUE);
        m.setFloatProperty("fl", 1.25f);
        m.setDoubleProperty("do", -0.0);
        m.setStringProperty("st", "ünïcödé €");
        m.setStringProperty("nu", null);
        H2mqMessage d = roundTrip(m);
        assertEquals(List.of("bo", "by", "sh", "it", "lo", "fl", "do", "st", "nu"),
                Collections.list(d.getPropertyNames()));
        for (String name : List.of("bo", "by", "sh", "it", "lo", "fl", "do", "st")) {
            assertEquals(m.getObjectProperty(name), d.getObjectProperty(name), name);
        }
        assertTrue(d.propertyExists("nu"));
        assertNull(d.getObjectProperty("nu"));
    }

    @Test
    void decodedMessageIsReadOnly() throws Exception {
        H2mqTextMessage m = new H2mqTextMessage("x");
        H2mqTextMessage d = (H2mqTextMessage) roundTrip(m);
        assertThrows(MessageNotWriteableException.class, () -> d.setIntProperty("p", 1));
        assertThrows(MessageNotWriteableException.class, () -> d.setText("y"));
    }

    @Test
    void textBodyRoundTripsIncludingNullAndLongText() throws Exception {
        assertNull(((H2mqTextMessage) roundTrip(new H2mqTextMessage())).getText());
        String longText = "x".repeat(100_000);
        assertEquals(longText, ((H2mqTextMessage) roundTrip(new H2mqTextMessage(longText))).getText());
    }

    @Test
    void bytesBodyRoundTripsFromWriteOnlyMode() throws Exception {
        H2mqBytesMessage m = new H2mqBytesMessage();
        m.writeInt(7);
        m.writeUTF("u");
        H2mqBytesMessage d = (H2mqBytesMessage) roundTrip(m);
        assertEquals(7, d.readInt());
        assertEquals("u", d.readUTF());
        m.writeInt(8);  // the original stays write-only after encoding
    }

    @Test
    void mapBodyRoundTripsEveryType() throws Exception {
        H2mqMapMessage m = new H2mqMapMessage();
        m.setBoolean("bo", true);
        m.setByte("by", (byte) 1);
        m.setShort("sh", (short) 2);
        m.setChar("ch", '\uFFFF');
        m.setInt("in", 3);
        m.setLong("lo", 4L);
        m.setFloat("fl", 5f);
        m.setDouble("do", 6d);
        m.setString("st", "s");
        m.setBytes("bs", new byte[] {0, 88, 127});
        m.setString("nu", null);
        H2mqMapMessage d = (H2mqMapMessage) roundTrip(m);
        for (String name : Collections.list(m.getMapNames())) {
            Object expected = m.getObject(name);
            if (expected instanceof byte[] b) {
                assertArrayEquals(b, (byte[]) d.getObject(name));
            } else {
                assertEquals(expected, d.getObject(name), name);
            }
        }
        assertEquals(Collections.list(m.getMapNames()), Collections.list(d.getMapNames()));
    }

    @Test
    void streamBodyRoundTripsEveryTypeInOrder() throws Exception {
        H2mqStreamMessage m = new H2mqStreamMessage();
        List<Object> values = new ArrayList<>(List.of(false, (byte) 127, (short) 32767, 'Z', 6,
                Long.MAX_VALUE, 6.02e23f, 6.02e23, "text"));
        for (Object v : values) {
            m.writeObject(v);
        }
        m.writeObject(null);
        m.writeBytes(new byte[] {1, 2});
        H2mqStreamMessage d = (H2mqStreamMessage) roundTrip(m);
        for (Object v : values) {
            assertEquals(v, d.readObject());
        }
        assertNull(d.readObject());
        assertArrayEquals(new byte[] {1, 2}, (byte[]) d.readObject());
    }

    @Test
    void objectBodyRoundTrips() throws Exception {
        H2mqObjectMessage d = (H2mqObjectMessage) roundTrip(new H2mqObjectMessage(new ArrayList<>(List.of(1, 2))));
        assertEquals(List.of(1, 2), d.getObject());
        assertNull(((H2mqObjectMessage) roundTrip(new H2mqObjectMessage())).getObject());
    }
}
