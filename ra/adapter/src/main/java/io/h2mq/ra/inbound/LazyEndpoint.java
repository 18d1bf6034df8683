package io.h2mq.ra.inbound;

import java.lang.System.Logger.Level;

import javax.transaction.xa.XAResource;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/**
 * The message endpoint of one session, created by the session's own delivery thread when it first needs it, not
 * while the container activates the bean. A container may be unable to create endpoints until it has finished
 * deploying the bean, which is after {@code endpointActivation} returned (GlassFish blocks {@code createEndpoint}
 * and then throws {@link UnavailableException}); creating them during activation would stall the deployment and
 * then fail it. An {@code UnavailableException} is transient by the Connectors spec: the session pauses and tries
 * again on its next turn.
 */
final class LazyEndpoint {
    private static final System.Logger LOG = System.getLogger(LazyEndpoint.class.getName());

    private final MessageEndpointFactory factory;
    private final XAResource xaResource;
    private final Object source;
    private final long pauseMillis;
    private MessageEndpoint endpoint;
    private int unavailable;

    /**
     * @param xaResource  the session's resource for a transacted endpoint; null for one without a transaction
     * @param pauseMillis how long to wait after the container said it cannot create the endpoint yet
     */
    LazyEndpoint(MessageEndpointFactory factory, XAResource xaResource, Object source, long pauseMillis) {
        this.factory = factory;
        this.xaResource = xaResource;
        this.source = source;
        this.pauseMillis = pauseMillis;
    }

    /**
     * The endpoint, created on the first call; null when the container cannot create it yet, after a pause: the
     * caller delivers nothing this turn and asks again on the next.
     *
     * @throws ResourceException when the container refuses the endpoint for good
     */
    MessageEndpoint get() throws ResourceException {
        if (endpoint == null) {
            try {
                endpoint = factory.createEndpoint(xaResource);
                if (unavailable > 0) {
                    LOG.log(Level.DEBUG, "h2mq activation on {0}: endpoint created after {1} attempts", source,
                            unavailable + 1);
                }
            } catch (UnavailableException e) {
                unavailable++;
                LOG.log(Level.DEBUG, "h2mq activation on " + source + ": the container cannot create an endpoint "
                        + "yet (attempt " + unavailable + "); trying again in " + pauseMillis + " ms", e);
                pause();
            }
        }
        return endpoint;
    }

    private void pause() {
        try {
            Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
            // The work manager interrupts a work it wants to end: keep the flag for the delivery loop to see.
            Thread.currentThread().interrupt();
        }
    }

    /** Gives the endpoint back to the container, if one was created. */
    void release() {
        if (endpoint != null) {
            endpoint.release();
        }
    }
}
