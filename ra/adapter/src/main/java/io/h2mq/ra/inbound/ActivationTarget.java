package io.h2mq.ra.inbound;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import io.h2mq.H2mqConnectionFactory;
import io.h2mq.H2mqDestination;
import io.h2mq.H2mqOptions;
import io.h2mq.H2mqQueue;
import io.h2mq.H2mqTopic;
import io.h2mq.ra.StoreSettings;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.InvalidPropertyException;

/**
 * Where an activation consumes from: the destination, from JNDI ({@code destinationLookup}) or by physical name, and
 * the options of the store that holds it, from a looked-up h2mq connection factory ({@code connectionFactoryLookup})
 * or from the spec's settings over the adapter's.
 *
 * <p>Resolved once, when the endpoint is activated, so a name that does not resolve fails the activation instead of
 * every reconnect.
 */
record ActivationTarget(H2mqDestination destination, H2mqOptions store) {

    static ActivationTarget resolve(H2mqActivationSpec spec, StoreSettings adapterSettings) throws ResourceException {
        return new ActivationTarget(destination(spec), store(spec, adapterSettings));
    }

    private static H2mqDestination destination(H2mqActivationSpec spec) throws ResourceException {
        if (spec.getDestinationLookup() == null) {
            return spec.isTopic() ? new H2mqTopic(spec.getDestination()) : new H2mqQueue(spec.getDestination());
        }
        Object found = lookup("destinationLookup", spec.getDestinationLookup());
        H2mqDestination destination = asH2mq(found, spec);
        if (spec.getDestinationType() != null && destination.isTopic() != spec.isTopic()) {
            throw new InvalidPropertyException("h2mq activation property destinationLookup '"
                    + spec.getDestinationLookup() + "' names " + destination + " but destinationType is "
                    + spec.getDestinationType());
        }
        return destination;
    }

    /**
     * An h2mq destination as it is, or any Queue or Topic (such as the adapter's administered objects) by its
     * name, as the provider accepts them.
     */
    private static H2mqDestination asH2mq(Object found, H2mqActivationSpec spec) throws ResourceException {
        try {
            if (found instanceof H2mqDestination ours) {
                return ours;
            }
            if (found instanceof jakarta.jms.Queue queue) {
                return new H2mqQueue(queue.getQueueName());
            }
            if (found instanceof jakarta.jms.Topic topic) {
                return new H2mqTopic(topic.getTopicName());
            }
        } catch (jakarta.jms.JMSException | NullPointerException e) {
            InvalidPropertyException x = new InvalidPropertyException("h2mq activation property destinationLookup '"
                    + spec.getDestinationLookup() + "' names " + describe(found) + " without a usable name: "
                    + e.getMessage());
            x.initCause(e);
            throw x;
        }
        throw new InvalidPropertyException("h2mq activation property destinationLookup '"
                + spec.getDestinationLookup() + "' names " + describe(found) + ", not a queue or topic");
    }

    private static H2mqOptions store(H2mqActivationSpec spec, StoreSettings adapterSettings)
            throws ResourceException {
        if (spec.getConnectionFactoryLookup() == null) {
            return spec.storeOptions(adapterSettings);
        }
        Object found = lookup("connectionFactoryLookup", spec.getConnectionFactoryLookup());
        if (!(found instanceof H2mqConnectionFactory factory)) {
            throw new InvalidPropertyException("h2mq activation property connectionFactoryLookup '"
                    + spec.getConnectionFactoryLookup() + "' names " + describe(found)
                    + ", not an h2mq connection factory");
        }
        // A copy: the factory's options may change later, and apply only to connections created afterwards.
        return factory.getOptions().copy();
    }

    private static Object lookup(String property, String name) throws ResourceException {
        try {
            return new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw new ResourceException("h2mq activation cannot look up " + property + " '" + name + "': "
                    + e.getMessage(), e);
        }
    }

    private static String describe(Object found) {
        return found == null ? "null" : "a " + found.getClass().getName();
    }

    /** The destination's kind, whatever destinationType says when it was looked up. */
    boolean isTopic() {
        return destination.isTopic();
    }
}
