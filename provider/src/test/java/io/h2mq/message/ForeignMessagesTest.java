package io.h2mq.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.h2mq.H2mqQueue;
import io.h2mq.H2mqTopic;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;

class ForeignMessagesTest {
    @Test
    void foreignTextMessageBecomesTextMessage() throws Exception {
        H2mqMessage copy = H2mqMessage.copyOf(ForeignMessageDouble.text("hello"));
        assertEquals("hello", assertInstanceOf(H2mqTextMessage.class, copy).getText());
    }

    @Test
    void foreignObjectMessageBecomesObjectMessage() throws Exception {
        H2mqMessage copy = H2mqMessage.copyOf(ForeignMessageDouble.object(new ArrayList<>(List.of("a"))));
        assertEquals(List.of("a"), assertInstanceOf(H2mqObjectMessage.class, copy).getObject());
    }

    @Test
    void foreignBytesMessageIsReadInChunksAfterReset() throws Exception {
        byte[] body = new byte[20];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        H2mqBytesMessage copy = assertInstanceOf(H2mqBytesMessage.class,
                H2mqMessage.copyOf(ForeignMessageDouble.bytes(body)));
        assertEquals(20, copy.getBodyLength());
        byte[] read = new byte[20];
        copy.readBytes(read);
        assertArrayEquals(body, read);
    }

    @Test
    void foreignMapMessageBecomesMapMessageWithTypesKept() throws Exception {
        H2mqMapMessage copy = assertInstanceOf(H2mqMapMessage.class, H2mqMessage.copyOf(
                ForeignMessageDouble.map(Map.of("c", 'x', "l", 5L))));
        assertEquals('x', copy.getObject("c"));
        assertEquals(5L, copy.getObject("l"));
    }

    @Test
    void foreignStreamMessageIsReadUntilEndOfStream() throws Exception {
        List<Object> values = new ArrayList<>(List.of(true, 'c', "s", 1.5d));
        values.add(null);
        H2mqStreamMessage copy = assertInstanceOf(H2mqStreamMessage.class,
                H2mqMessage.copyOf(ForeignMessageDouble.stream(values)));
        assertEquals(true, copy.readBoolean());
        assertEquals('c', copy.readChar());
        assertEquals("s", copy.readString());
        assertEquals(1.5d, copy.readDouble());
        assertNull(copy.readObject());
        assertThrows(MessageEOFException.class, copy::readObject);
    }

    @Test
    void headersAndPropertiesAreCopiedAndForeignDestinationsConvertedByName() throws Exception {
        ForeignMessageDouble state = new ForeignMessageDouble();
        state.headers.put("JMSCorrelationID", "corr");
        state.headers.put("JMSType", "kind");
        state.headers.put("JMSReplyTo", ForeignMessageDouble.queue("replies"));
        state.headers.put("JMSDestination", ForeignMessageDouble.topic("news"));
        state.headers.put("JMSDeliveryMode", DeliveryMode.NON_PERSISTENT);
        state.headers.put("JMSPriority", 8);
        state.headers.put("JMSExpiration", 100L);
        state.properties.put("COM_SUN_JMS_TESTNAME", "t");
        state.properties.put("n", (short) 4);
        H2mqMessage copy = H2mqMessage.copyOf(ForeignMessageDouble.create(Message.class, state));
        assertEquals(H2mqMessage.class, copy.getClass());
        assertEquals("corr", copy.getJMSCorrelationID());
        assertEquals("kind", copy.getJMSType());
        assertEquals(new H2mqQueue("replies"), copy.getJMSReplyTo());
        assertEquals(new H2mqTopic("news"), copy.getJMSDestination());
        assertEquals(DeliveryMode.NON_PERSISTENT, copy.getJMSDeliveryMode());
        assertEquals(8, copy.getJMSPriority());
        assertEquals(100L, copy.getJMSExpiration());
        assertEquals(List.of("COM_SUN_JMS_TESTNAME", "n"), Collections.list(copy.getPropertyNames()));
        assertEquals((short) 4, copy.getObjectProperty("n"));
    }

    @Test
    void convertedForeignMessageSurvivesTheCodec() throws Exception {
        H2mqMessage copy = H2mqMessage.copyOf(ForeignMessageDouble.text("x"));
        copy.setIntProperty("p", 1);
        H2mqTextMessage decoded = (H2mqTextMessage) MessageCodec.decode(MessageCodec.encode(copy).head());
        assertEquals("x", decoded.getText());
        assertEquals(1, decoded.getIntProperty("p"));
    }
}
