package io.h2mq.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

class MessagePropertiesTest {
    private final H2mqMessage message = new H2mqMessage();

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1abc", "a-b", "a b", "NULL", "true", "Between", "escape", "IS"})
    void invalidPropertyNameThrowsIllegalArgumentException(String name) {
        assertThrows(IllegalArgumentException.class, () -> message.setIntProperty(name, 1));
        assertThrows(IllegalArgumentException.class, () -> message.setObjectProperty(name, "x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "_x", "$y", "JMSXGroupID", "JMSCONTEXT", "Price2", "ÄÖ"})
    void validIdentifierIsAcceptedAsPropertyName(String name) throws Exception {
        message.setStringProperty(name, "v");
        assertEquals("v", message.getStringProperty(name));
    }

    @Test
    void setObjectPropertyWithNonWrapperThrowsMessageFormatException() {
        MessageFormatException e = assertThrows(MessageFormatException.class,
                () -> message.setObjectProperty("p", new Object()));
        assertTrue(e.getMessage().contains("'p'"), e.getMessage());
        assertThrows(MessageFormatException.class, () -> message.setObjectProperty("p", 'c'));
        assertThrows(MessageFormatException.class, () -> message.setObjectProperty("p", new byte[1]));
    }

    @Test
    void objectPropertyKeepsItsExactType() throws Exception {
        message.setObjectProperty("b", (byte) 1);
        message.setShortProperty("s", (short) 2);
        message.setFloatProperty("f", 1.5f);
        assertEquals(Byte.class, message.getObjectProperty("b").getClass());
        assertEquals(Short.class, message.getObjectProperty("s").getClass());
        assertEquals(Float.class, message.getObjectProperty("f").getClass());
    }

    @Test
    void gettersConvertPerTheTable() throws Exception {
        message.setByteProperty("b", (byte) 5);
        message.setStringProperty("s", "true");
        assertEquals(5L, message.getLongProperty("b"));
        assertEquals("5", message.getStringProperty("b"));
        assertTrue(message.getBooleanProperty("s"));
        assertThrows(MessageFormatException.class, () -> message.getBooleanProperty("b"));
        assertThrows(MessageFormatException.class, () -> message.getFloatProperty("b"));
    }

    @Test
    void missingPropertyReadsAsNullValue() throws Exception {
        assertNull(message.getStringProperty("none"));
        assertNull(message.getObjectProperty("none"));
        assertFalse(message.getBooleanProperty("none"));
        assertThrows(NumberFormatException.class, () -> message.getByteProperty("none"));
        assertThrows(NumberFormatException.class, () -> message.getShortProperty("none"));
        assertThrows(NumberFormatException.class, () -> message.getIntProperty("none"));
        assertThrows(NumberFormatException.class, () -> message.getLongProperty("none"));
        assertThrows(NullPointerException.class, () -> message.getFloatProperty("none"));
        assertThrows(NullPointerException.class, () -> message.getDoubleProperty("none"));
    }

    @Test
    void settingPropertyOnReadOnlyMessageThrowsMessageNotWriteable() {
        message.markReadOnly();
        assertThrows(MessageNotWriteableException.class, () -> message.setBooleanProperty("p", true));
        assertThrows(MessageNotWriteableException.class, () -> message.setObjectProperty("p", 1));
    }

    @Test
    void clearPropertiesEmptiesAndMakesWritable() throws Exception {
        message.setIntProperty("p", 1);
        message.markReadOnly();
        message.clearProperties();
        assertFalse(message.propertyExists("p"));
        assertFalse(message.getPropertyNames().hasMoreElements());
        message.setIntProperty("q", 2);
        assertEquals(2, message.getIntProperty("q"));
    }

    @Test
    void deliveryCountIsAPropertyOnceSetEvenWhenReadOnly() throws Exception {
        message.setIntProperty("p", 1);
        message.markReadOnly();
        assertFalse(message.propertyExists("JMSXDeliveryCount"));
        message.setDeliveryCount(3);
        assertTrue(message.propertyExists("JMSXDeliveryCount"));
        assertEquals(3, message.getIntProperty("JMSXDeliveryCount"));
        assertEquals(3L, message.getLongProperty("JMSXDeliveryCount"));
        assertEquals("3", message.getStringProperty("JMSXDeliveryCount"));
        assertEquals(3, message.getObjectProperty("JMSXDeliveryCount"));
        assertEquals(List.of("p", "JMSXDeliveryCount"), Collections.list(message.getPropertyNames()));
    }

    @Test
    void clearPropertiesKeepsTheDeliveryCount() throws Exception {
        message.setDeliveryCount(2);
        message.clearProperties();
        assertEquals(2, message.getIntProperty("JMSXDeliveryCount"));
    }

    @Test
    void propertyNamesKeepSettingOrderAndNullValuedPropertiesExist() throws Exception {
        message.setStringProperty("b", null);
        message.setIntProperty("a", 1);
        assertEquals(List.of("b", "a"), Collections.list(message.getPropertyNames()));
        assertTrue(message.propertyExists("b"));
        assertNull(message.getStringProperty("b"));
    }
}
