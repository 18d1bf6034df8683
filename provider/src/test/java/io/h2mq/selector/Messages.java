package io.h2mq.selector;

import java.util.HashMap;
import java.util.Map;

/** Builds the identifier maps the tests evaluate selectors against. */
final class Messages {

    private Messages() {
    }

    /** A message given as name, value, name, value, ...; a null value is an absent identifier. */
    static Map<String, Object> message(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, Object> message = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            message.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return message;
    }
}
