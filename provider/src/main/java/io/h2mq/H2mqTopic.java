package io.h2mq;

import jakarta.jms.Topic;

/** A topic: every subscription gets every message it matches. */
public class H2mqTopic extends H2mqDestination implements Topic {
    private static final long serialVersionUID = 1L;

    public H2mqTopic(String name) {
        super(name);
    }

    @Override
    public String getTopicName() {
        return name();
    }

    @Override
    public final boolean isQueue() {
        return false;
    }
}
