package io.h2mq.jndi;

import java.util.Collections;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.Map;

import javax.naming.Binding;
import javax.naming.CompositeName;
import javax.naming.Context;
import javax.naming.Name;
import javax.naming.NameClassPair;
import javax.naming.NameNotFoundException;
import javax.naming.NameParser;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.OperationNotSupportedException;

import io.h2mq.H2mqQueue;
import io.h2mq.H2mqTopic;

/**
 * A flat, read-only naming context over the bindings read from the environment. Binding, renaming and sub-contexts
 * are refused with {@link OperationNotSupportedException}: the configuration is the properties.
 */
final class ReadOnlyContext implements Context {
    private static final String DYNAMIC_QUEUES = "dynamicQueues/";
    private static final String DYNAMIC_TOPICS = "dynamicTopics/";

    private final Hashtable<Object, Object> environment;
    private final Map<String, Object> bindings;

    ReadOnlyContext(Hashtable<?, ?> environment, Map<String, Object> bindings) {
        this.environment = new Hashtable<>(environment);
        this.bindings = Map.copyOf(bindings);
    }

    @Override
    public Object lookup(String name) throws NamingException {
        if (name == null || name.isEmpty()) {
            return this;
        }
        String key = name.startsWith("java:comp/env/") ? name.substring("java:comp/env/".length()) : name;
        Object bound = bindings.get(key);
        if (bound != null) {
            return bound;
        }
        if (key.startsWith(DYNAMIC_QUEUES) && key.length() > DYNAMIC_QUEUES.length()) {
            return new H2mqQueue(key.substring(DYNAMIC_QUEUES.length()));
        }
        if (key.startsWith(DYNAMIC_TOPICS) && key.length() > DYNAMIC_TOPICS.length()) {
            return new H2mqTopic(key.substring(DYNAMIC_TOPICS.length()));
        }
        throw new NameNotFoundException("'" + name + "' is not bound; bound names: " + bindings.keySet()
                + " (declare it as connectionFactory." + name + ", queue." + name + " or topic." + name + ")");
    }

    @Override
    public Object lookup(Name name) throws NamingException {
        return lookup(name.toString());
    }

    @Override
    public NamingEnumeration<NameClassPair> list(String name) throws NamingException {
        requireRoot(name);
        return enumeration(bindings.entrySet().stream()
                .map(e -> new NameClassPair(e.getKey(), e.getValue().getClass().getName())).iterator());
    }

    @Override
    public NamingEnumeration<NameClassPair> list(Name name) throws NamingException {
        return list(name.toString());
    }

    @Override
    public NamingEnumeration<Binding> listBindings(String name) throws NamingException {
        requireRoot(name);
        return enumeration(bindings.entrySet().stream()
                .map(e -> new Binding(e.getKey(), e.getValue())).iterator());
    }

    @Override
    public NamingEnumeration<Binding> listBindings(Name name) throws NamingException {
        return listBindings(name.toString());
    }

    private static void requireRoot(String name) throws NameNotFoundException {
        if (name != null && !name.isEmpty()) {
            throw new NameNotFoundException("the h2mq context is flat: no sub-context '" + name + "'");
        }
    }

    private static <T> NamingEnumeration<T> enumeration(Iterator<T> it) {
        return new NamingEnumeration<>() {
            @Override
            public T next() {
                return it.next();
            }

            @Override
            public boolean hasMore() {
                return it.hasNext();
            }

            @Override
            public void close() {
            }

            @Override
            public boolean hasMoreElements() {
                return it.hasNext();
            }

            @Override
            public T nextElement() {
                return it.next();
            }
        };
    }

    private static OperationNotSupportedException readOnly(String operation) {
        return new OperationNotSupportedException("the h2mq JNDI context is read-only (" + operation + "): declare "
                + "objects in its properties instead");
    }

    @Override
    public void bind(Name name, Object obj) throws NamingException {
        throw readOnly("bind " + name);
    }

    @Override
    public void bind(String name, Object obj) throws NamingException {
        throw readOnly("bind " + name);
    }

    @Override
    public void rebind(Name name, Object obj) throws NamingException {
        throw readOnly("rebind " + name);
    }

    @Override
    public void rebind(String name, Object obj) throws NamingException {
        throw readOnly("rebind " + name);
    }

    @Override
    public void unbind(Name name) throws NamingException {
        throw readOnly("unbind " + name);
    }

    @Override
    public void unbind(String name) throws NamingException {
        throw readOnly("unbind " + name);
    }

    @Override
    public void rename(Name oldName, Name newName) throws NamingException {
        throw readOnly("rename " + oldName);
    }

    @Override
    public void rename(String oldName, String newName) throws NamingException {
        throw readOnly("rename " + oldName);
    }

    @Override
    public void destroySubcontext(Name name) throws NamingException {
        throw readOnly("destroySubcontext " + name);
    }

    @Override
    public void destroySubcontext(String name) throws NamingException {
        throw readOnly("destroySubcontext " + name);
    }

    @Override
    public Context createSubcontext(Name name) throws NamingException {
        throw readOnly("createSubcontext " + name);
    }

    @Override
    public Context createSubcontext(String name) throws NamingException {
        throw readOnly("createSubcontext " + name);
    }

    @Override
    public Object lookupLink(Name name) throws NamingException {
        return lookup(name);
    }

    @Override
    public Object lookupLink(String name) throws NamingException {
        return lookup(name);
    }

    @Override
    public NameParser getNameParser(Name name) {
        return CompositeName::new;
    }

    @Override
    public NameParser getNameParser(String name) {
        return CompositeName::new;
    }

    @Override
    public Name composeName(Name name, Name prefix) throws NamingException {
        return ((Name) prefix.clone()).addAll(name);
    }

    @Override
    public String composeName(String name, String prefix) {
        return prefix == null || prefix.isEmpty() ? name : prefix + "/" + name;
    }

    @Override
    public Object addToEnvironment(String propName, Object propVal) {
        return environment.put(propName, propVal);
    }

    @Override
    public Object removeFromEnvironment(String propName) {
        return environment.remove(propName);
    }

    @Override
    public Hashtable<?, ?> getEnvironment() {
        return new Hashtable<>(environment);
    }

    @Override
    public void close() {
    }

    @Override
    public String getNameInNamespace() {
        return "";
    }

    @Override
    public String toString() {
        return "H2mqJndiContext" + Collections.unmodifiableSet(bindings.keySet());
    }
}
