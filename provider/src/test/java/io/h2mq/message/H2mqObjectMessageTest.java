package io.h2mq.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.junit.jupiter.api.Test;

import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

class H2mqObjectMessageTest {
    @Test
    void objectIsCopiedWhenSet() throws Exception {
        ArrayList<String> list = new ArrayList<>(List.of("a"));
        H2mqObjectMessage message = new H2mqObjectMessage();
        message.setObject(list);
        list.add("b");
        assertEquals(List.of("a"), message.getObject());
        assertNotSame(message.getObject(), message.getObject());
    }

    @Test
    void convenienceConstructorSetsTheObject() throws Exception {
        assertEquals("x", new H2mqObjectMessage("x").getObject());
        assertNull(new H2mqObjectMessage().getObject());
    }

    @Test
    void unserializableObjectThrowsMessageFormatExceptionWithCause() {
        H2mqObjectMessage message = new H2mqObjectMessage();
        MessageFormatException e = assertThrows(MessageFormatException.class,
                () -> message.setObject(new NotReallySerializable()));
        assertTrue(e.getCause() instanceof java.io.NotSerializableException);
        assertEquals(e.getCause(), e.getLinkedException());
    }

    @Test
    void receivedObjectIsReadOnlyUntilClearBody() throws Exception {
        H2mqObjectMessage received = (H2mqObjectMessage) MessageCodec.decode(
                MessageCodec.encode(new H2mqObjectMessage("Initial message")).head());
        assertEquals("Initial message", received.getObject());
        assertThrows(MessageNotWriteableException.class, () -> received.setObject("x"));
        received.clearBody();
        assertNull(received.getObject());
        received.setObject("new stuff");
        assertEquals("new stuff", received.getObject());
    }

    @Test
    void getBodyReturnsTheObjectOrThrowsForWrongType() throws Exception {
        H2mqObjectMessage message = new H2mqObjectMessage(new StringBuffer("sb"));
        assertEquals("sb", message.getBody(StringBuffer.class).toString());
        assertThrows(MessageFormatException.class, () -> message.getBody(HashMap.class));
        assertTrue(message.isBodyAssignableTo(StringBuffer.class));
        assertTrue(message.isBodyAssignableTo(Serializable.class));
        assertFalse(message.isBodyAssignableTo(Boolean.class));
    }

    @Test
    void emptyObjectMessageBodyIsNullAndAssignableToAnything() throws Exception {
        H2mqObjectMessage message = new H2mqObjectMessage();
        assertNull(message.getBody(Boolean.class));
        assertTrue(message.isBodyAssignableTo(Boolean.class));
    }

    private static final class NotReallySerializable implements Serializable {
        private static final long serialVersionUID = 1L;
        @SuppressWarnings("unused")
        private final Object field = new Object();
    }
}
