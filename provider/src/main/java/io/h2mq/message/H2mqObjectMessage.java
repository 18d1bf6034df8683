package io.h2mq.message;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;

/**
 * A message whose body is one serialized Java object. The object is serialized when it is set, so the message holds
 * a copy: changing the object afterwards does not change the message (TCK {@code messageObjectCopyQTest}).
 * {@link #getObject()} deserializes a new copy each time, resolving classes through the thread's context class
 * loader first (application classes in a container), then the default.
 *
 * <p>Not thread-safe.
 */
public class H2mqObjectMessage extends H2mqMessage implements ObjectMessage {
    private byte[] serialized;

    public H2mqObjectMessage() {
    }

    /** @throws IllegalArgumentException if the object cannot be serialized (a constructor cannot throw JMSException) */
    public H2mqObjectMessage(Serializable object) {
        try {
            this.serialized = serialize(object);
        } catch (MessageFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public void setObject(Serializable object) throws JMSException {
        checkBodyWritable();
        serialized = serialize(object);
    }

    @Override
    public Serializable getObject() throws JMSException {
        if (serialized == null) {
            return null;
        }
        try (ObjectInputStream in = new ContextClassLoaderObjectInputStream(new ByteArrayInputStream(serialized))) {
            return (Serializable) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw MessageErrors.format("cannot deserialize the object of this ObjectMessage: " + e, e);
        }
    }

    @Override
    public void clearBody() throws JMSException {
        serialized = null;
        super.clearBody();
    }

    @Override
    BodyType bodyType() {
        return BodyType.OBJECT;
    }

    @Override
    void writeBody(DataOutputStream out) throws IOException {
        out.writeBoolean(serialized != null);
        if (serialized != null) {
            Values.writeBytes(out, serialized);
        }
    }

    @Override
    void readBody(DataInputStream in, int remaining) throws IOException {
        serialized = in.readBoolean() ? Values.readBytes(in) : null;
    }

    @Override
    Object bodyAsObject() throws JMSException {
        return getObject();
    }

    private static byte[] serialize(Serializable object) throws MessageFormatException {
        if (object == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (IOException e) {
            throw MessageErrors.format("cannot serialize " + object.getClass().getName() + " into an ObjectMessage: "
                    + e, e);
        }
        return bytes.toByteArray();
    }

    /** Resolves classes through the thread context class loader, falling back to the default resolution. */
    private static final class ContextClassLoaderObjectInputStream extends ObjectInputStream {
        ContextClassLoaderObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader != null) {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // fall through to the default, which also handles primitive types
                }
            }
            return super.resolveClass(desc);
        }
    }
}
