package io.h2mq.engine;

import java.util.ArrayList;
import java.util.List;

import io.h2mq.message.H2mqMessage;
import io.h2mq.selector.MessageSelector;
import io.h2mq.store.EndpointRecord;
import io.h2mq.store.NewMessage;

import jakarta.jms.InvalidSelectorException;

/**
 * Decides which endpoints a message goes to: the queue itself, or every subscription of the topic whose selector
 * matches and that does not ignore messages from the sending connection (noLocal).
 */
final class Router {
    private final EndpointDirectory endpoints;

    Router(EndpointDirectory endpoints) {
        this.endpoints = endpoints;
    }

    List<NewMessage.Target> toQueue(long queueEndpointId, Placement placement) {
        return List.of(placement.target(queueEndpointId));
    }

    List<NewMessage.Target> toTopic(String topic, H2mqMessage message, String connectionId, Placement placement) {
        List<NewMessage.Target> targets = new ArrayList<>();
        for (EndpointRecord subscription : endpoints.subscriptionsOf(topic)) {
            if (accepts(subscription, message, connectionId)) {
                targets.add(placement.target(subscription.id()));
            }
        }
        return targets;
    }

    private static boolean accepts(EndpointRecord subscription, H2mqMessage message, String connectionId) {
        if (subscription.spec().noLocal() && connectionId != null
                && connectionId.equals(subscription.spec().connectionId())) {
            return false;
        }
        try {
            return MessageSelector.compile(subscription.spec().selector()).matches(message::selectorValue);
        } catch (InvalidSelectorException e) {
            // Only valid selectors are ever stored with a subscription; one that no longer parses matches nothing.
            return false;
        }
    }

    /** Where in an endpoint's order a message lands, and when it may be delivered. */
    record Placement(int priority, long visibleAt, long expiresAt) {
        NewMessage.Target target(long endpointId) {
            return new NewMessage.Target(endpointId, priority, visibleAt, expiresAt);
        }
    }
}
