package io.h2mq.client;

import io.h2mq.H2mqDestination;
import io.h2mq.H2mqQueue;
import io.h2mq.H2mqTopic;

import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

/**
 * Turns what the application passes as a destination into one of ours, or says precisely why it cannot: null,
 * or an object of another provider (accepted by name when it is a plain Queue or Topic, as the spec allows).
 */
final class Destinations {
    private Destinations() {
    }

    static H2mqDestination of(Destination destination) throws JMSException {
        if (destination instanceof H2mqDestination ours) {
            return ours;
        }
        if (destination instanceof Queue queue) {
            return new H2mqQueue(requireName(queue.getQueueName(), "queue"));
        }
        if (destination instanceof Topic topic) {
            return new H2mqTopic(requireName(topic.getTopicName(), "topic"));
        }
        throw new InvalidDestinationException("destination " + destination + " ("
                + (destination == null ? "null" : destination.getClass().getName())
                + ") is neither a Queue nor a Topic");
    }

    static H2mqDestination requireOf(Destination destination) throws JMSException {
        if (destination == null) {
            throw new InvalidDestinationException("destination must not be null");
        }
        return of(destination);
    }

    static H2mqDestination requireQueue(Queue queue) throws JMSException {
        if (queue == null) {
            throw new InvalidDestinationException("queue must not be null");
        }
        return of(queue);
    }

    static H2mqDestination requireTopic(Topic topic) throws JMSException {
        if (topic == null) {
            throw new InvalidDestinationException("topic must not be null");
        }
        return of(topic);
    }

    static String requireName(String name, String what) throws JMSException {
        if (name == null || name.isEmpty()) {
            throw new InvalidDestinationException(what + " name must not be null or empty, got "
                    + (name == null ? "null" : "''"));
        }
        return name;
    }

    static String requireSubscriptionName(String name) throws JMSException {
        if (name == null || name.isEmpty()) {
            throw new InvalidDestinationException("subscription name must not be null or empty, got "
                    + (name == null ? "null" : "''"));
        }
        return name;
    }
}
