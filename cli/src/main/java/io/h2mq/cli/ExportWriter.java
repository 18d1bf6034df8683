package io.h2mq.cli;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.h2mq.cli.ExportFormat.BodyKind;

import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

/**
 * Writes messages to an export file ({@link ExportFormat}). {@link #sync} makes what was written durable, so that
 * {@code export --remove} removes messages from the queue only once they are safe in the file.
 */
final class ExportWriter implements AutoCloseable {
    /** Set by the provider on each delivery, not by the sender: not exported. */
    private static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    private final FileOutputStream file;
    private final DataOutputStream out;
    private long count;

    private ExportWriter(FileOutputStream file) {
        this.file = file;
        this.out = new DataOutputStream(new BufferedOutputStream(file, 64 * 1024));
    }

    static ExportWriter create(Path path) throws IOException {
        ExportWriter writer = new ExportWriter(new FileOutputStream(path.toFile()));
        writer.out.write(ExportFormat.MAGIC);
        writer.out.writeInt(ExportFormat.VERSION);
        return writer;
    }

    void write(Message message) throws IOException, JMSException {
        out.writeByte(ExportFormat.RECORD);
        BodyKind kind = kindOf(message);
        out.writeByte(kind.code());
        writeHeaders(message);
        writeProperties(message);
        writeBody(kind, message);
        count++;
    }

    long count() {
        return count;
    }

    /** Flushes and forces what was written to the disk. */
    void sync() throws IOException {
        out.flush();
        file.getFD().sync();
    }

    /** Writes the trailer and syncs: the file is complete. */
    void finish() throws IOException {
        out.writeByte(ExportFormat.END);
        out.writeLong(count);
        sync();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void writeHeaders(Message m) throws IOException, JMSException {
        TypedValues.writeString(out, m.getJMSMessageID());
        out.writeLong(m.getJMSTimestamp());
        TypedValues.writeString(out, m.getJMSCorrelationID());
        TypedValues.writeString(out, m.getJMSType());
        out.writeByte(m.getJMSPriority());
        out.writeByte(m.getJMSDeliveryMode());
        out.writeLong(m.getJMSExpiration());
        out.writeLong(m.getJMSDeliveryTime());
        out.writeBoolean(m.getJMSRedelivered());
        writeReplyTo(m.getJMSReplyTo());
    }

    private void writeReplyTo(Destination replyTo) throws IOException, JMSException {
        if (replyTo instanceof Topic topic) {
            out.writeByte(ExportFormat.REPLY_TO_TOPIC);
            TypedValues.writeString(out, topic.getTopicName());
        } else if (replyTo instanceof Queue queue) {
            out.writeByte(ExportFormat.REPLY_TO_QUEUE);
            TypedValues.writeString(out, queue.getQueueName());
        } else {
            out.writeByte(ExportFormat.REPLY_TO_NONE);
        }
    }

    private void writeProperties(Message m) throws IOException, JMSException {
        List<String> names = Names.properties(m);
        names.remove(DELIVERY_COUNT);
        out.writeInt(names.size());
        for (String name : names) {
            TypedValues.writeString(out, name);
            TypedValues.write(out, m.getObjectProperty(name));
        }
    }

    private void writeBody(BodyKind kind, Message m) throws IOException, JMSException {
        switch (kind) {
            case TEXT -> TypedValues.writeString(out, ((TextMessage) m).getText());
            case BYTES -> TypedValues.writeBytes(out, bytesOf((BytesMessage) m));
            case MAP -> writeMap((MapMessage) m);
            case STREAM -> writeStream((StreamMessage) m);
            case OBJECT -> TypedValues.writeBytes(out, serialize(((ObjectMessage) m).getObject()));
            case MESSAGE -> { }
        }
    }

    private static byte[] bytesOf(BytesMessage m) throws JMSException {
        byte[] body = new byte[Math.toIntExact(m.getBodyLength())];
        m.readBytes(body);
        m.reset();
        return body;
    }

    private void writeMap(MapMessage m) throws IOException, JMSException {
        List<String> names = Names.mapEntries(m);
        out.writeInt(names.size());
        for (String name : names) {
            TypedValues.writeString(out, name);
            TypedValues.write(out, m.getObject(name));
        }
    }

    private void writeStream(StreamMessage m) throws IOException, JMSException {
        List<Object> values = new ArrayList<>();
        try {
            while (true) {
                values.add(m.readObject());
            }
        } catch (MessageEOFException endOfStream) {
            // the end of the body: every value has been read
        }
        m.reset();
        out.writeInt(values.size());
        for (Object value : values) {
            TypedValues.write(out, value);
        }
    }

    private static byte[] serialize(Serializable object) throws IOException {
        if (object == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
            objects.writeObject(object);
        }
        return bytes.toByteArray();
    }

    private static BodyKind kindOf(Message m) {
        if (m instanceof TextMessage) {
            return BodyKind.TEXT;
        }
        if (m instanceof BytesMessage) {
            return BodyKind.BYTES;
        }
        if (m instanceof MapMessage) {
            return BodyKind.MAP;
        }
        if (m instanceof StreamMessage) {
            return BodyKind.STREAM;
        }
        if (m instanceof ObjectMessage) {
            return BodyKind.OBJECT;
        }
        return BodyKind.MESSAGE;
    }
}
