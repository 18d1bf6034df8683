package io.h2mq.client;

/**
 * Lets message delivery through only while the connection is started, and lets {@link #closeAndWait()} (connection
 * stop and close) wait until every delivery in progress — a receive handing over a message, a listener running — has
 * finished, as the spec requires of {@code stop()}.
 */
final class DeliveryGate {
    private boolean open;
    private int inside;

    synchronized boolean enter() {
        if (!open) {
            return false;
        }
        inside++;
        return true;
    }

    synchronized void exit() {
        inside--;
        if (inside == 0) {
            notifyAll();
        }
    }

    synchronized void open() {
        open = true;
    }

    /** Closes the gate and waits for those inside to leave; the caller must not be inside itself. */
    synchronized void closeAndWait() throws InterruptedException {
        open = false;
        while (inside > 0) {
            wait();
        }
    }
}
