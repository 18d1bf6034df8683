package io.h2mq.store;

/** An endpoint as stored: {@link EndpointSpec} plus its id. */
public record EndpointRecord(long id, EndpointSpec spec) {

    public String key() {
        return spec.key();
    }

    public EndpointKind kind() {
        return spec.kind();
    }

    public String destination() {
        return spec.destination();
    }
}
