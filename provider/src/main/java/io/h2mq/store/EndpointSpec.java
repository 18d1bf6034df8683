package io.h2mq.store;

/**
 * What to create: a queue ({@code destination} is its name) or a subscription of the topic {@code destination}.
 *
 * @param key          unique identity of the endpoint (see {@link EndpointKeys})
 * @param ownerNode    the node whose death deletes the endpoint, or null for a durable one
 * @param connectionId the connection whose messages a noLocal subscription ignores, or that owns a temporary queue
 */
public record EndpointSpec(
        String key,
        EndpointKind kind,
        String destination,
        String subscriptionName,
        String clientId,
        String selector,
        boolean noLocal,
        boolean shared,
        boolean temporary,
        String ownerNode,
        String connectionId) {
}
