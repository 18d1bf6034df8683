package io.h2mq;

import java.io.Serializable;
import java.util.Objects;

import javax.naming.NamingException;
import javax.naming.Reference;
import javax.naming.Referenceable;
import javax.naming.StringRefAddr;

import jakarta.jms.Destination;

/**
 * A destination is nothing but a physical name and a kind; the store creates what it names on first use.
 * Instances are immutable values, so they may be shared between threads, bound in JNDI and serialized
 * into messages (JMSReplyTo, JMSDestination).
 */
public abstract class H2mqDestination implements Destination, Serializable, Referenceable {
    private static final long serialVersionUID = 1L;

    private final String name;

    protected H2mqDestination(String name) {
        this.name = Objects.requireNonNull(name, "destination name");
    }

    /** The physical name, as the store knows it. */
    public String name() {
        return name;
    }

    public abstract boolean isQueue();

    public boolean isTopic() {
        return !isQueue();
    }

    public boolean isTemporary() {
        return false;
    }

    @Override
    public Reference getReference() throws NamingException {
        Reference ref = new Reference(getClass().getName(), H2mqObjectFactory.class.getName(), null);
        ref.add(new StringRefAddr("name", name));
        return ref;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof H2mqDestination other
                && other.isQueue() == isQueue()
                && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + (isQueue() ? 1 : 0);
    }

    @Override
    public String toString() {
        return (isQueue() ? "queue://" : "topic://") + name;
    }
}
