package io.h2mq.cli;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;

/** The property and map entry names of a message, sorted; the JMS API hands them out as raw enumerations. */
final class Names {
    private Names() {
    }

    static List<String> properties(Message message) throws JMSException {
        return sorted(message.getPropertyNames());
    }

    static List<String> mapEntries(MapMessage message) throws JMSException {
        return sorted(message.getMapNames());
    }

    private static List<String> sorted(Enumeration<?> names) {
        List<String> list = new ArrayList<>();
        while (names.hasMoreElements()) {
            list.add((String) names.nextElement());
        }
        list.sort(null);
        return list;
    }
}
