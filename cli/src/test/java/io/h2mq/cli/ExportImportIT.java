package io.h2mq.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.h2mq.H2mqConnectionFactory;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportImportIT {
    private static final long HOUR = 3_600_000;

    @TempDir
    Path dir;

    Launcher h2mq;

    @BeforeEach
    void launcher() {
        h2mq = new Launcher(dir);
    }

    @Test
    void roundTripKeepsBodiesPropertiesAndHeadersOfEveryMessageKind() throws Exception {
        long expiration = sendOneOfEachKind("orders");
        Path file = dir.resolve("orders.h2mq");

        Launcher.Result exported = h2mq.run("export", "orders", "--file", file.toString());
        assertEquals(0, exported.exitCode(), exported.all());
        assertTrue(exported.out().startsWith("exported 6 messages of queue orders to "), exported.out());

        Launcher.Result imported = h2mq.run("import", "copy", "--file", file.toString());
        assertEquals(0, imported.exitCode(), imported.all());
        assertTrue(imported.out().startsWith("imported 6 messages to queue copy from "), imported.out());

        assertEachKindCameBack(receiveAll("copy"), expiration);
        assertEquals(6, receiveAll("orders").size(), "export without --remove leaves the queue as it was");
    }

    @Test
    void exportWithRemoveEmptiesWhatItExports() throws Exception {
        h2mq.run("send", "orders", "--count", "3", "--property", "keep:boolean=true");
        h2mq.run("send", "orders", "--count", "4", "--property", "keep:boolean=false");
        Path file = dir.resolve("removed.h2mq");

        Launcher.Result exported = h2mq.run("export", "orders", "--file", file.toString(), "--remove",
                "--selector", "keep = false", "--timeout", "300ms");
        assertEquals(0, exported.exitCode(), exported.all());
        assertTrue(exported.out().startsWith("exported 4 messages of queue orders to "), exported.out());
        assertTrue(exported.out().contains("and removed them"), exported.out());

        Launcher.Result left = h2mq.run("browse", "orders");
        assertTrue(left.out().endsWith("3 messages in queue orders\n"), left.out());
        Launcher.Result back = h2mq.run("import", "orders", "--file", file.toString());
        assertTrue(back.out().startsWith("imported 4 messages"), back.all());
    }

    @Test
    void importRefusesAFileThatIsNotAnExport() throws Exception {
        Path notAnExport = Files.writeString(dir.resolve("notes.txt"), "hello");

        Launcher.Result result = h2mq.run("import", "orders", "--file", notAnExport.toString());

        assertEquals(ExitCodes.FILE_ERROR, result.exitCode(), result.all());
        assertTrue(result.err().contains("is not an h2mq export file"), result.err());
        Launcher.Result missing = h2mq.run("import", "orders", "--file", dir.resolve("absent").toString());
        assertEquals(ExitCodes.FILE_ERROR, missing.exitCode(), missing.all());
        assertTrue(missing.err().contains("no such file: "), missing.err());
    }

    /** Sends one message of each kind from this JVM (closing the store after, so the launcher can open it). */
    private long sendOneOfEachKind(String queueName) throws Exception {
        long expiration;
        try (Connection connection = new H2mqConnectionFactory(h2mq.url()).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue(queueName);
            MessageProducer producer = session.createProducer(queue);
            List<Message> messages = new ArrayList<>();
            messages.add(session.createMessage());
            messages.add(session.createTextMessage("text body"));
            BytesMessage bytes = session.createBytesMessage();
            bytes.writeBytes(new byte[] {0, 1, -1, 127});
            messages.add(bytes);
            MapMessage map = session.createMapMessage();
            map.setShort("short", (short) 3);
            map.setChar("char", 'x');
            map.setBytes("bytes", new byte[] {9, 8});
            map.setString("string", "s");
            messages.add(map);
            StreamMessage stream = session.createStreamMessage();
            stream.writeLong(42L);
            stream.writeDouble(1.5);
            stream.writeString(null);
            stream.writeBoolean(true);
            messages.add(stream);
            messages.add(session.createObjectMessage(LocalDate.of(2026, 11, 26)));
            for (int i = 0; i < messages.size(); i++) {
                Message m = messages.get(i);
                m.setIntProperty("index", i);
                m.setFloatProperty("ratio", 0.25f);
                m.setByteProperty("small", (byte) -2);
                m.setStringProperty("name", "m" + i);
                m.setJMSCorrelationID("corr-" + i);
                m.setJMSType("kind-" + i);
                m.setJMSReplyTo(i % 2 == 0 ? session.createQueue("replies") : session.createTopic("answers"));
                producer.send(m, i % 2 == 0 ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT, i, HOUR);
            }
            expiration = messages.get(0).getJMSExpiration();
        }
        return expiration;
    }

    private List<Message> receiveAll(String queueName) throws Exception {
        List<Message> received = new ArrayList<>();
        try (Connection connection = new H2mqConnectionFactory(h2mq.url()).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
            for (Message m = consumer.receive(2_000); m != null; m = consumer.receive(500)) {
                received.add(m);
            }
        }
        received.sort((a, b) -> Integer.compare(intProperty(a), intProperty(b)));
        return received;
    }

    private static int intProperty(Message m) {
        try {
            return m.getIntProperty("index");
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertEachKindCameBack(List<Message> messages, long expiration) throws Exception {
        assertEquals(6, messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            assertEquals(i, m.getObjectProperty("index"));
            assertEquals(0.25f, m.getObjectProperty("ratio"));
            assertEquals((byte) -2, m.getObjectProperty("small"));
            assertEquals("m" + i, m.getObjectProperty("name"));
            assertEquals("corr-" + i, m.getJMSCorrelationID());
            assertEquals("kind-" + i, m.getJMSType());
            assertEquals(i, m.getJMSPriority());
            assertEquals(i % 2 == 0 ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT, m.getJMSDeliveryMode());
            assertTrue(Math.abs(m.getJMSExpiration() - expiration) < 5_000, "expiration " + m.getJMSExpiration()
                    + " against " + expiration);
            if (i % 2 == 0) {
                assertEquals("replies", ((Queue) m.getJMSReplyTo()).getQueueName());
            } else {
                assertEquals("answers", ((Topic) m.getJMSReplyTo()).getTopicName());
            }
        }
        assertNull(messages.get(0).getBody(Object.class));
        assertEquals("text body", ((TextMessage) messages.get(1)).getText());
        assertArrayEquals(new byte[] {0, 1, -1, 127}, messages.get(2).getBody(byte[].class));
        MapMessage map = assertInstanceOf(MapMessage.class, messages.get(3));
        assertEquals((short) 3, map.getObject("short"));
        assertEquals('x', map.getObject("char"));
        assertArrayEquals(new byte[] {9, 8}, map.getBytes("bytes"));
        assertEquals("s", map.getObject("string"));
        StreamMessage stream = assertInstanceOf(StreamMessage.class, messages.get(4));
        assertEquals(42L, stream.readObject());
        assertEquals(1.5, stream.readObject());
        assertNull(stream.readObject());
        assertEquals(true, stream.readObject());
        assertEquals(LocalDate.of(2026, 11, 26), ((ObjectMessage) messages.get(5)).getObject());
    }
}
