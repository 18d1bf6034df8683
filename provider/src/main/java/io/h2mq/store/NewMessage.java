package io.h2mq.store;

import java.util.List;

/** A message to store once, with the endpoints it goes to. */
public record NewMessage(byte[] body, List<Target> targets) {

    /**
     * @param visibleAt epoch millis before which it is not delivered (delivery delay), 0 for at once
     * @param expiresAt epoch millis after which it is dropped, 0 for never
     */
    public record Target(long endpointId, int priority, long visibleAt, long expiresAt) {
    }
}
