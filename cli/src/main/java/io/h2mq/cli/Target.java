package io.h2mq.cli;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Session;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A destination as the command line names it: a queue by its name, a topic as {@code topic:NAME} (a queue whose name
 * starts with "topic:" can be named {@code queue:topic:...}).
 */
record Target(boolean topic, String name) {
    static final String TOPIC_PREFIX = "topic:";
    static final String QUEUE_PREFIX = "queue:";

    static Target parse(String text) {
        if (text.startsWith(TOPIC_PREFIX)) {
            return new Target(true, requireName(text.substring(TOPIC_PREFIX.length()), text));
        }
        if (text.startsWith(QUEUE_PREFIX)) {
            return new Target(false, requireName(text.substring(QUEUE_PREFIX.length()), text));
        }
        return new Target(false, requireName(text, text));
    }

    private static String requireName(String name, String text) {
        if (name.isEmpty()) {
            throw new TypeConversionException("destination '" + text + "' has no name");
        }
        return name;
    }

    Destination in(Session session) throws JMSException {
        return topic ? session.createTopic(name) : session.createQueue(name);
    }

    /** picocli's converter for destination parameters. */
    static final class Converter implements ITypeConverter<Target> {
        @Override
        public Target convert(String text) {
            return parse(text);
        }
    }

    @Override
    public String toString() {
        return (topic ? "topic " : "queue ") + name;
    }
}
