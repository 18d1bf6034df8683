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
        if (!(found instanceof H2mqDestination destination)) {
            throw new InvalidPropertyException("h2mq activation property destinationLookup '"
                    + spec.getDestinationLookup() + "' names " + describe(found) + ", not an h2mq queue or topic");
        }
        if (spec.getDestinationType() != null && destination.isTopic() != spec.isTopic()) {
            throw new InvalidPropertyException("h2mq activation property destinationLookup '"
                    + spec.getDestinationLookup() + "' names " + destination + " but destinationType is "
                    + spec.getDestinationType());
        }
        return destination;
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
