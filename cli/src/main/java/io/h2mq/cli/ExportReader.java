package io.h2mq.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import io.h2mq.cli.ExportFormat.BodyKind;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

/**
 * Reads an export file ({@link ExportFormat}) back into messages of a session. The headers a producer's send sets
 * (delivery mode, priority, expiration, delivery time) come apart with each message, for the sender to pass on.
 */
final class ExportReader implements AutoCloseable {
    private final Path path;
    private final DataInputStream in;
    private long count;

    /** A message read back, and the headers its sender must give it. */
    record Exported(Message message, int deliveryMode, int priority, long expiration, long deliveryTime) {
    }

    private ExportReader(Path path, DataInputStream in) {
        this.path = path;
        this.in = in;
    }

    static ExportReader open(Path path) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 64 * 1024));
        try {
            byte[] magic = in.readNBytes(ExportFormat.MAGIC.length);
            if (!Arrays.equals(magic, ExportFormat.MAGIC)) {
                throw new ExportFileException(path + " is not an h2mq export file (it does not start with "
                        + new String(ExportFormat.MAGIC, StandardCharsets.US_ASCII) + ")");
            }
            int version = in.readInt();
            if (version != ExportFormat.VERSION) {
                throw new ExportFileException(path + " is an h2mq export file of version " + version
                        + "; this tool reads version " + ExportFormat.VERSION);
            }
            return new ExportReader(path, in);
        } catch (IOException e) {
            in.close();
            throw e instanceof EOFException ? new ExportFileException(path + " is cut short", e) : e;
        }
    }

    /** The next message, or null after the last one. */
    Exported next(Session session) throws IOException, JMSException {
        try {
            int marker = in.readUnsignedByte();
            if (marker == ExportFormat.END) {
                checkTrailer();
                return null;
            }
            if (marker != ExportFormat.RECORD) {
                throw new ExportFileException(path + ": unexpected byte " + marker + " after record " + count);
            }
            Exported exported = readMessage(session);
            count++;
            return exported;
        } catch (EOFException e) {
            throw new ExportFileException(path + " is cut short after record " + count + " (an export that did not "
                    + "finish?)", e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void checkTrailer() throws IOException {
        long written = in.readLong();
        if (written != count) {
            throw new ExportFileException(path + " says it holds " + written + " messages but has " + count);
        }
    }

    private Exported readMessage(Session session) throws IOException, JMSException {
        BodyKind kind = BodyKind.ofCode(in.readUnsignedByte());
        String messageId = TypedValues.readString(in);
        in.readLong(); // JMSTimestamp: the provider stamps the new send
        String correlationId = TypedValues.readString(in);
        String type = TypedValues.readString(in);
        int priority = in.readByte();
        int deliveryMode = in.readByte();
        long expiration = in.readLong();
        long deliveryTime = in.readLong();
        in.readBoolean(); // JMSRedelivered: a new send is a first delivery
        int replyToKind = in.readUnsignedByte();
        String replyTo = replyToKind == ExportFormat.REPLY_TO_NONE ? null : TypedValues.readString(in);
        Message message = newMessage(session, kind);
        readProperties(message);
        readBody(kind, message, messageId);
        message.setJMSCorrelationID(correlationId);
        message.setJMSType(type);
        if (replyTo != null) {
            message.setJMSReplyTo(replyToKind == ExportFormat.REPLY_TO_TOPIC
                    ? session.createTopic(replyTo) : session.createQueue(replyTo));
        }
        return new Exported(message, deliveryMode, priority, expiration, deliveryTime);
    }

    private void readProperties(Message message) throws IOException, JMSException {
        int properties = in.readInt();
        for (int i = 0; i < properties; i++) {
            message.setObjectProperty(TypedValues.readString(in), TypedValues.read(in));
        }
    }

    private static Message newMessage(Session session, BodyKind kind) throws JMSException {
        return switch (kind) {
            case MESSAGE -> session.createMessage();
            case TEXT -> session.createTextMessage();
            case BYTES -> session.createBytesMessage();
            case MAP -> session.createMapMessage();
            case STREAM -> session.createStreamMessage();
            case OBJECT -> session.createObjectMessage();
        };
    }

    private void readBody(BodyKind kind, Message message, String messageId) throws IOException, JMSException {
        switch (kind) {
            case TEXT -> ((TextMessage) message).setText(TypedValues.readString(in));
            case BYTES -> ((BytesMessage) message).writeBytes(TypedValues.readBytes(in));
            case MAP -> readMap((MapMessage) message);
            case STREAM -> readStream((StreamMessage) message);
            case OBJECT -> ((ObjectMessage) message).setObject(
                    deserialize(TypedValues.readBytes(in), messageId));
            case MESSAGE -> { }
        }
    }

    private void readMap(MapMessage message) throws IOException, JMSException {
        int entries = in.readInt();
        for (int i = 0; i < entries; i++) {
            message.setObject(TypedValues.readString(in), TypedValues.read(in));
        }
    }

    private void readStream(StreamMessage message) throws IOException, JMSException {
        int values = in.readInt();
        for (int i = 0; i < values; i++) {
            message.writeObject(TypedValues.read(in));
        }
    }

    private static Serializable deserialize(byte[] bytes, String messageId) throws JMSException {
        if (bytes == null) {
            return null;
        }
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (Serializable) objects.readObject();
        } catch (IOException | ClassNotFoundException e) {
            MessageFormatException failure = new MessageFormatException("cannot import the object of ObjectMessage "
                    + messageId + ": " + e + " (add its classes with H2MQ_CLASSPATH)");
            failure.initCause(e);
            failure.setLinkedException(e);
            throw failure;
        }
    }
}
