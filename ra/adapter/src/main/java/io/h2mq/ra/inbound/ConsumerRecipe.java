package io.h2mq.ra.inbound;

import java.util.UUID;

import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.Topic;

/**
 * How each of an activation's sessions opens its consumer, chosen once from the spec. An activation has
 * {@code maxSession} sessions, each with its own consumer on the same queue or subscription, so that a message goes
 * to one of them:
 *
 * <ul>
 * <li>a queue: a plain consumer per session; the queue splits its messages among them.</li>
 * <li>a topic with {@code shareSubscriptions=false} (the default): an unshared subscription, durable (identity:
 * client ID + subscriptionName, so {@code clientId} is required) or not, on <em>one</em> session whatever
 * {@code maxSession} says. An unshared subscription has one consumer at a time, and several unshared non-durable
 * consumers would each get every message; one session also keeps the topic's order.</li>
 * <li>a topic with {@code shareSubscriptions=true}: a shared subscription (JMS 2.0), durable or not, that each of the
 * {@code maxSession} sessions joins, so they split its messages. Its name is subscriptionName, or for a non-durable
 * one without a name, a name unique to this activation (so two beans on one topic each get every message). Several
 * activations or servers with the same subscriptionName split one subscription.</li>
 * </ul>
 */
final class ConsumerRecipe {
    private enum Kind { QUEUE, TOPIC, DURABLE, SHARED, SHARED_DURABLE }

    private final Kind kind;
    private final ActivationTarget target;
    private final String selector;
    private final String subscriptionName;

    /** The sessions this recipe can use: an unshared topic subscription takes one consumer. */
    int sessions(int maxSession) {
        return kind == Kind.TOPIC || kind == Kind.DURABLE ? 1 : maxSession;
    }

    private ConsumerRecipe(Kind kind, ActivationTarget target, String selector, String subscriptionName) {
        this.kind = kind;
        this.target = target;
        this.selector = selector;
        this.subscriptionName = subscriptionName;
    }

    static ConsumerRecipe of(H2mqActivationSpec spec, ActivationTarget target) {
        String selector = spec.getMessageSelector();
        if (!target.isTopic()) {
            return new ConsumerRecipe(Kind.QUEUE, target, selector, null);
        }
        boolean shared = Boolean.TRUE.equals(spec.getShareSubscriptions());
        if (spec.isDurable()) {
            return new ConsumerRecipe(shared ? Kind.SHARED_DURABLE : Kind.DURABLE, target, selector,
                    spec.getSubscriptionName());
        }
        if (!shared) {
            return new ConsumerRecipe(Kind.TOPIC, target, selector, null);
        }
        String name = spec.getSubscriptionName() != null ? spec.getSubscriptionName()
                : "h2mq-activation-" + UUID.randomUUID();
        return new ConsumerRecipe(Kind.SHARED, target, selector, name);
    }

    MessageConsumer open(Session session) throws JMSException {
        Topic topic = target.isTopic() ? (Topic) target.destination() : null;
        return switch (kind) {
            case QUEUE -> session.createConsumer(target.destination(), selector);
            case TOPIC -> session.createConsumer(topic, selector);
            case DURABLE -> session.createDurableConsumer(topic, subscriptionName, selector, false);
            case SHARED -> session.createSharedConsumer(topic, subscriptionName, selector);
            case SHARED_DURABLE -> session.createSharedDurableConsumer(topic, subscriptionName, selector);
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case QUEUE, TOPIC -> target.destination().toString();
            case DURABLE -> "durable subscription '" + subscriptionName + "' of " + target.destination();
            case SHARED -> "shared subscription '" + subscriptionName + "' of " + target.destination();
            case SHARED_DURABLE -> "shared durable subscription '" + subscriptionName + "' of "
                    + target.destination();
        } + (selector == null ? "" : " with selector " + selector);
    }
}
