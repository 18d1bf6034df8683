package io.h2mq.ra.inbound;

import jakarta.resource.spi.work.Work;

/**
 * One step of an activation's reconnecting, run by the work manager: takes the broken connection down and closes
 * it, waits the reconnect interval (woken at once if the activation stops), and tries to connect; a failed attempt
 * schedules the next step. Waiting on the stop signal rather than sleeping is what lets a deactivation end it.
 */
final class RetryWork implements Work {
    private final Activation activation;
    private final Deliveries broken;
    private final Exception cause;

    /** @param broken the connection that failed; null when connecting failed */
    RetryWork(Activation activation, Deliveries broken, Exception cause) {
        this.activation = activation;
        this.broken = broken;
        this.cause = cause;
    }

    @Override
    public void run() {
        boolean reconnect = activation.takeDown(broken, cause);
        if (broken != null) {
            broken.close();
        }
        if (reconnect && !activation.awaitStop()) {
            activation.reconnect();
        }
    }

    @Override
    public void release() {
        // The wait ends with the activation's stop, which the adapter's stop brings about; nothing else to end.
    }
}
