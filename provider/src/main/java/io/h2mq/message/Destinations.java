package io.h2mq.message;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StreamCorruptedException;

import io.h2mq.H2mqDestination;
import io.h2mq.H2mqQueue;
import io.h2mq.H2mqTemporaryQueue;
import io.h2mq.H2mqTemporaryTopic;
import io.h2mq.H2mqTopic;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;

/**
 * Destinations in the binary format (a kind byte and a name) and the conversion of a foreign provider's destination
 * to ours by its queue or topic name. Decoded temporary destinations have no owner: only the connection that created
 * them can delete them.
 */
final class Destinations {
    private static final int NONE = 0;
    private static final int QUEUE = 1;
    private static final int TOPIC = 2;
    private static final int TEMPORARY_QUEUE = 3;
    private static final int TEMPORARY_TOPIC = 4;

    private Destinations() {
    }

    /** Our destination for any destination: ours unchanged, a foreign Queue or Topic by its name; null stays null. */
    static H2mqDestination toH2mq(Destination destination) throws JMSException {
        if (destination == null || destination instanceof H2mqDestination) {
            return (H2mqDestination) destination;
        }
        if (destination instanceof TemporaryQueue q) {
            return new H2mqTemporaryQueue(q.getQueueName(), null);
        }
        if (destination instanceof TemporaryTopic t) {
            return new H2mqTemporaryTopic(t.getTopicName(), null);
        }
        if (destination instanceof Queue q) {
            return new H2mqQueue(q.getQueueName());
        }
        if (destination instanceof Topic t) {
            return new H2mqTopic(t.getTopicName());
        }
        throw new jakarta.jms.InvalidDestinationException("destination " + destination + " of type "
                + destination.getClass().getName() + " is neither a Queue nor a Topic");
    }

    static void write(DataOutputStream out, Destination destination) throws IOException, JMSException {
        H2mqDestination d = toH2mq(destination);
        if (d == null) {
            out.writeByte(NONE);
            return;
        }
        out.writeByte(d.isQueue() ? (d.isTemporary() ? TEMPORARY_QUEUE : QUEUE)
                : (d.isTemporary() ? TEMPORARY_TOPIC : TOPIC));
        Values.writeString(out, d.name());
    }

    static H2mqDestination read(DataInputStream in) throws IOException {
        int kind = in.readUnsignedByte();
        if (kind == NONE) {
            return null;
        }
        String name = Values.readString(in);
        switch (kind) {
            case QUEUE: return new H2mqQueue(name);
            case TOPIC: return new H2mqTopic(name);
            case TEMPORARY_QUEUE: return new H2mqTemporaryQueue(name, null);
            case TEMPORARY_TOPIC: return new H2mqTemporaryTopic(name, null);
            default: throw new StreamCorruptedException("unknown destination kind " + kind);
        }
    }
}
