package io.h2mq.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

class H2mqTextMessageTest {
    @Test
    void textIsSetAndRead() throws Exception {
        H2mqTextMessage message = new H2mqTextMessage();
        assertNull(message.getText());
        message.setText("hello");
        assertEquals("hello", message.getText());
        assertEquals("hi", new H2mqTextMessage("hi").getText());
    }

    @Test
    void receivedTextIsReadOnlyUntilClearBodyWhichKeepsProperties() throws Exception {
        H2mqTextMessage sent = new H2mqTextMessage("sending");
        sent.setStringProperty("COM_SUN_JMS_TESTNAME", "t");
        H2mqTextMessage received = (H2mqTextMessage) MessageCodec.decode(MessageCodec.encode(sent).head());
        assertThrows(MessageNotWriteableException.class, () -> received.setText("x"));
        received.clearBody();
        assertNull(received.getText());
        assertEquals("t", received.getStringProperty("COM_SUN_JMS_TESTNAME"));
        received.setText("new data");
        assertEquals("new data", received.getText());
    }

    @Test
    void getBodyReturnsStringAndRejectsOtherTypes() throws Exception {
        H2mqTextMessage message = new H2mqTextMessage("t");
        assertEquals("t", message.getBody(String.class));
        assertEquals("t", message.getBody(Object.class));
        assertThrows(MessageFormatException.class, () -> message.getBody(Boolean.class));
        assertTrue(message.isBodyAssignableTo(String.class));
        assertFalse(message.isBodyAssignableTo(Boolean.class));
    }

    @Test
    void textMessageWithoutTextHasNoBody() throws Exception {
        H2mqTextMessage message = new H2mqTextMessage();
        assertNull(message.getBody(Boolean.class));
        assertTrue(message.isBodyAssignableTo(Boolean.class));
    }
}
