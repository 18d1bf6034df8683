package io.h2mq;

import jakarta.jms.Queue;

/** A queue: each message goes to exactly one of its competing consumers. */
public class H2mqQueue extends H2mqDestination implements Queue {
    private static final long serialVersionUID = 1L;

    public H2mqQueue(String name) {
        super(name);
    }

    @Override
    public String getQueueName() {
        return name();
    }

    @Override
    public final boolean isQueue() {
        return true;
    }
}
