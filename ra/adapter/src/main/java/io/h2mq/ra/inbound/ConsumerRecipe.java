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
 * <li>a topic with {@code maxSession=1} and {@code shareSubscriptions=false}: an unshared subscription, durable
 * (identity: client ID + subscriptionName, so {@code clientId} is required) or not.</li>
 * <li>a topic otherwise: a shared subscription (JMS 2.0), durable or not, that every session joins. Several unshared
 * consumers would each get every message; a shared subscription splits them. Its name is subscriptionName, or for a
 * non-durable one without a name, a name unique to this activation (so two beans on one topic each get every
 * message). With {@code shareSubscriptions=true} and a subscriptionName, several activations or servers split one
 * subscription.</li>
 * </ul>
 *
 * An unshared and a shared durable subscription of the same client ID and name are the same identity to the store: a
 * bean redeployed with a different maxSession gets a clear error from the provider rather than a second subscription.
 */
final class ConsumerRecipe {
    private enum Kind { QUEUE, TOPIC, DURABLE, SHARED, SHARED_DURABLE }

    private final Kind kind;
    private final ActivationTarget target;
    private final String selector;
    private final String subscriptionName;

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
        boolean shared = spec.getMaxSession() > 1 || Boolean.TRUE.equals(spec.getShareSubscriptions());
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
