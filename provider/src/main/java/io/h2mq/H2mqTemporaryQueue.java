package io.h2mq;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.TemporaryQueue;

/** A queue that lives as long as the connection that created it. */
public final class H2mqTemporaryQueue extends H2mqQueue implements TemporaryQueue {
    private static final long serialVersionUID = 1L;

    private final transient TemporaryDestinationOwner owner;

    public H2mqTemporaryQueue(String name, TemporaryDestinationOwner owner) {
        super(name);
        this.owner = owner;
    }

    @Override
    public boolean isTemporary() {
        return true;
    }

    /** The connection that created it, or null when this instance came out of a message. */
    public TemporaryDestinationOwner owner() {
        return owner;
    }

    @Override
    public void delete() throws JMSException {
        if (owner == null) {
            throw new IllegalStateException("temporary queue " + name() + " can only be deleted through the connection that created it");
        }
        owner.deleteTemporary(this);
    }
}
