package io.h2mq.jndi;

import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import javax.naming.ConfigurationException;
import javax.naming.NamingException;

import io.h2mq.H2mqConnectionFactory;
import io.h2mq.H2mqOptions;
import io.h2mq.H2mqQueue;
import io.h2mq.H2mqTopic;

/** Reads {@code connectionFactory.*}, {@code queue.*} and {@code topic.*} entries into named objects. */
final class JndiBindings {
    static final String FACTORY_PREFIX = "connectionFactory.";
    static final String QUEUE_PREFIX = "queue.";
    static final String TOPIC_PREFIX = "topic.";
    private static final Set<String> OPTIONS = Set.copyOf(H2mqOptions.NAMES);

    private JndiBindings() {
    }

    static Map<String, Object> from(Hashtable<?, ?> environment) throws NamingException {
        Map<String, Properties> factories = new HashMap<>();
        Map<String, Object> bindings = new HashMap<>();
        Set<String> factoryKeys = new java.util.HashSet<>();
        for (Object key : environment.keySet()) {
            String k = String.valueOf(key);
            if (k.startsWith(FACTORY_PREFIX)) {
                factoryKeys.add(k.substring(FACTORY_PREFIX.length()));
            }
        }
        for (Map.Entry<?, ?> e : environment.entrySet()) {
            String key = String.valueOf(e.getKey());
            String value = String.valueOf(e.getValue()).trim();
            if (key.startsWith(FACTORY_PREFIX)) {
                factoryEntry(factories, factoryKeys, key.substring(FACTORY_PREFIX.length()), value);
            } else if (key.startsWith(QUEUE_PREFIX)) {
                bindings.put(key.substring(QUEUE_PREFIX.length()), new H2mqQueue(value));
            } else if (key.startsWith(TOPIC_PREFIX)) {
                bindings.put(key.substring(TOPIC_PREFIX.length()), new H2mqTopic(value));
            }
        }
        for (Map.Entry<String, Properties> f : factories.entrySet()) {
            bindings.put(f.getKey(), factory(f.getKey(), f.getValue()));
        }
        return bindings;
    }

    /**
     * {@code NAME=url} declares a factory, {@code NAME.option=value} sets one of its options. A suffix that is no
     * option after the name of a declared factory is a typo, refused rather than read as another factory's name.
     */
    private static void factoryEntry(Map<String, Properties> factories, Set<String> factoryKeys, String rest,
                                     String value) throws ConfigurationException {
        int dot = rest.lastIndexOf('.');
        if (dot > 0 && !OPTIONS.contains(rest.substring(dot + 1)) && factoryKeys.contains(rest.substring(0, dot))) {
            throw new ConfigurationException("unknown option '" + rest.substring(dot + 1) + "' in '" + FACTORY_PREFIX
                    + rest + "' (known options: " + new java.util.TreeSet<>(OPTIONS) + ")");
        }
        if (dot > 0 && OPTIONS.contains(rest.substring(dot + 1))) {
            factories.computeIfAbsent(rest.substring(0, dot), n -> new Properties())
                    .setProperty(rest.substring(dot + 1), value);
        } else {
            Properties options = factories.computeIfAbsent(rest, n -> new Properties());
            if (!value.isEmpty()) {
                options.setProperty("url", value);
            }
        }
    }

    private static H2mqConnectionFactory factory(String name, Properties options) throws NamingException {
        try {
            return new H2mqConnectionFactory(H2mqOptions.fromProperties(options));
        } catch (IllegalArgumentException e) {
            ConfigurationException ce = new ConfigurationException("connection factory '" + name + "': "
                    + e.getMessage());
            ce.setRootCause(e);
            throw ce;
        }
    }
}
