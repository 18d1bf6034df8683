package io.h2mq.ra.inbound;

import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/**
 * What every connection of one activation is built from, fixed when the endpoint is activated.
 *
 * @param sessions   concurrent sessions, each delivering one message at a time ({@code maxSession})
 * @param clientId   given to the connection when its factory did not give one; null for none
 * @param transacted whether the endpoint's onMessage runs in the container's transaction
 * @param rollback   marks that transaction for rollback when onMessage failed outside the bean
 */
record DeliverySetup(ActivationTarget target, ConsumerRecipe recipe, int sessions, String clientId,
                     MessageEndpointFactory factory, boolean transacted, RollbackMarker rollback) {

    @Override
    public String toString() {
        return recipe + " (" + sessions + " session" + (sessions == 1 ? "" : "s")
                + (transacted ? ", transacted" : "") + ", store " + target.store().getUrl() + ")";
    }
}
