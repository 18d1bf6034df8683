package io.h2mq;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.TemporaryTopic;

/** A topic that lives as long as the connection that created it. */
public final class H2mqTemporaryTopic extends H2mqTopic implements TemporaryTopic {
    private static final long serialVersionUID = 1L;

    private final transient TemporaryDestinationOwner owner;

    public H2mqTemporaryTopic(String name, TemporaryDestinationOwner owner) {
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
            throw new IllegalStateException("temporary topic " + name() + " can only be deleted through the connection that created it");
        }
        owner.deleteTemporary(this);
    }
}
