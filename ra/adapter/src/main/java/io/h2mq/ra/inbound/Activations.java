package io.h2mq.ra.inbound;

import io.h2mq.ra.StoreSettings;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkManager;

/** PLACEHOLDER on branch ra only: the inbound helper replaces this class. */
public final class Activations {
    public Activations(WorkManager workManager, StoreSettings adapterSettings) {
    }

    public void activate(MessageEndpointFactory factory, H2mqActivationSpec spec) throws ResourceException {
        throw new jakarta.resource.NotSupportedException("placeholder");
    }

    public void deactivate(MessageEndpointFactory factory, H2mqActivationSpec spec) {
    }

    public void stopAll() {
    }
}
