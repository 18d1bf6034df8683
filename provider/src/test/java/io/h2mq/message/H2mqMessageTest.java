package io.h2mq.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.h2mq.H2mqQueue;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

class H2mqMessageTest {
    private final H2mqMessage message = new H2mqMessage();

    @Test
    void newMessageHasSpecDefaults() {
        assertEquals(DeliveryMode.PERSISTENT, message.getJMSDeliveryMode());
        assertEquals(Message.DEFAULT_PRIORITY, message.getJMSPriority());
        assertEquals(false, message.getJMSRedelivered());
        assertNull(message.getJMSMessageID());
    }

    @Test
    void invalidDeliveryModeThrowsJMSExceptionNamingTheValue() {
        JMSException e = assertThrows(JMSException.class, () -> message.setJMSDeliveryMode(3));
        assertTrue(e.getMessage().contains("3"), e.getMessage());
    }

    @Test
    void correlationIdIsAvailableInBothForms() {
        message.setJMSCorrelationID("abc");
        assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), message.getJMSCorrelationIDAsBytes());
        message.setJMSCorrelationIDAsBytes(new byte[] {65, 66});
        assertEquals("AB", message.getJMSCorrelationID());
        assertArrayEquals(new byte[] {65, 66}, message.getJMSCorrelationIDAsBytes());
    }

    @Test
    void selectorValueMapsHeadersAndProperties() throws Exception {
        message.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        message.setJMSPriority(7);
        message.setJMSMessageID("ID:1");
        message.setJMSCorrelationID("c");
        message.setJMSType("t");
        message.setJMSTimestamp(5L);
        message.setShortProperty("s", (short) 2);
        message.setDeliveryCount(4);
        assertEquals("NON_PERSISTENT", message.selectorValue("JMSDeliveryMode"));
        assertEquals(7, message.selectorValue("JMSPriority"));
        assertEquals("ID:1", message.selectorValue("JMSMessageID"));
        assertEquals("c", message.selectorValue("JMSCorrelationID"));
        assertEquals("t", message.selectorValue("JMSType"));
        assertEquals(5L, message.selectorValue("JMSTimestamp"));
        assertEquals((short) 2, message.selectorValue("s"));
        assertEquals(4, message.selectorValue("JMSXDeliveryCount"));
        assertNull(message.selectorValue("absent"));
        message.setJMSDeliveryMode(DeliveryMode.PERSISTENT);
        assertEquals("PERSISTENT", message.selectorValue("JMSDeliveryMode"));
    }

    @Test
    void acknowledgeCallsTheCallbackWhenSetAndDoesNothingOtherwise() throws Exception {
        message.acknowledge();
        AtomicInteger calls = new AtomicInteger();
        message.setAcknowledgeCallback(calls::incrementAndGet);
        message.acknowledge();
        assertEquals(1, calls.get());
    }

    @Test
    void plainMessageHasNoBody() throws Exception {
        assertNull(message.getBody(String.class));
        assertTrue(message.isBodyAssignableTo(Boolean.class));
        message.clearBody();
    }

    @Test
    void toStringNamesTypeIdAndDestinationButNotTheBody() {
        H2mqTextMessage text = new H2mqTextMessage("secret body");
        text.setJMSMessageID("ID:42");
        text.setJMSDestination(new H2mqQueue("orders"));
        assertEquals("H2mqTextMessage[id=ID:42, destination=queue://orders]", text.toString());
    }

    @Test
    void copyOfIsIndependentOfTheOriginal() throws Exception {
        H2mqStreamMessage original = new H2mqStreamMessage();
        original.writeInt(1);
        original.setIntProperty("p", 1);
        H2mqStreamMessage copy = (H2mqStreamMessage) H2mqMessage.copyOf(original);
        original.writeInt(2);
        original.setIntProperty("p", 2);
        assertEquals(1, copy.getIntProperty("p"));
        assertEquals(1, copy.readInt());
        assertThrows(jakarta.jms.MessageEOFException.class, copy::readInt);
        copy.setIntProperty("q", 3);
        assertThrows(jakarta.jms.MessageNotReadableException.class, original::readInt);
    }
}
