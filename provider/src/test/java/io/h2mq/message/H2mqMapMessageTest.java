package io.h2mq.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

class H2mqMapMessageTest {
    private final H2mqMapMessage message = new H2mqMapMessage();

    @ParameterizedTest
    @NullAndEmptySource
    void nullOrEmptyNameThrowsIllegalArgumentException(String name) {
        assertThrows(IllegalArgumentException.class, () -> message.setBoolean(name, true));
        assertThrows(IllegalArgumentException.class, () -> message.setChar(name, 'c'));
        assertThrows(IllegalArgumentException.class, () -> message.setBytes(name, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> message.setBytes(name, new byte[1], 0, 1));
        assertThrows(IllegalArgumentException.class, () -> message.setObject(name, 1));
        assertThrows(IllegalArgumentException.class, () -> message.setString(name, "s"));
    }

    @Test
    void entriesReadBackWithConversions() throws Exception {
        message.setShort("s", (short) 3);
        message.setChar("c", 'x');
        message.setString("n", "12");
        message.setFloat("f", 2.5f);
        assertEquals(3L, message.getLong("s"));
        assertEquals("x", message.getString("c"));
        assertEquals('x', message.getChar("c"));
        assertEquals(12, message.getInt("n"));
        assertEquals(2.5d, message.getDouble("f"));
        assertThrows(MessageFormatException.class, () -> message.getChar("n"));
        assertThrows(MessageFormatException.class, () -> message.getBytes("n"));
        assertThrows(MessageFormatException.class, () -> message.getByte("s"));
    }

    @Test
    void bytesEntriesAreCopiedAndSubrangesStored() throws Exception {
        byte[] data = {1, 2, 3};
        message.setBytes("all", data);
        message.setBytes("part", data, 1, 2);
        data[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, message.getBytes("all"));
        assertArrayEquals(new byte[] {2, 3}, (byte[]) message.getObject("part"));
        assertThrows(MessageFormatException.class, () -> message.getString("all"));
    }

    @Test
    void absentOrNullEntryReadsAsNull() throws Exception {
        message.setString("nothing", null);
        assertNull(message.getString("nothing"));
        assertNull(message.getBytes("missing"));
        assertFalse(message.getBoolean("missing"));
        assertThrows(NullPointerException.class, () -> message.getChar("nothing"));
        assertThrows(NumberFormatException.class, () -> message.getInt("missing"));
        assertThrows(NullPointerException.class, () -> message.getFloat("missing"));
    }

    @Test
    void mapNamesAndItemExists() throws Exception {
        message.setInt("b", 1);
        message.setInt("a", 2);
        assertEquals(List.of("b", "a"), Collections.list(message.getMapNames()));
        assertTrue(message.itemExists("a"));
        assertFalse(message.itemExists("c"));
    }

    @Test
    void setObjectRejectsNonValueTypes() {
        assertThrows(MessageFormatException.class, () -> message.setObject("o", new Object()));
    }

    @Test
    void receivedMapIsReadOnlyUntilClearBody() throws Exception {
        message.setString("aString", "Initial message");
        H2mqMapMessage received = (H2mqMapMessage) MessageCodec.decode(MessageCodec.encode(message).head());
        assertEquals("Initial message", received.getString("aString"));
        assertThrows(MessageNotWriteableException.class, () -> received.setInt("i", 1));
        received.clearBody();
        assertNull(received.getString("aString"));
        received.setString("yes", "new");
        assertEquals("new", received.getString("yes"));
    }

    @Test
    void getBodyReturnsAMapOrNullWhenEmpty() throws Exception {
        assertNull(message.getBody(Map.class));
        assertTrue(message.isBodyAssignableTo(String.class));
        message.setBoolean("booleanvalue", true);
        message.setInt("intvalue", 10);
        Map<?, ?> body = message.getBody(Map.class);
        assertEquals(Map.of("booleanvalue", true, "intvalue", 10), body);
        assertTrue(message.isBodyAssignableTo(Map.class));
        assertFalse(message.isBodyAssignableTo(String.class));
        assertThrows(MessageFormatException.class, () -> message.getBody(String.class));
    }
}
