package io.h2mq.ra.inbound;

import jakarta.jms.JMSException;
import jakarta.resource.ResourceException;

/**
 * One session delivering to one message endpoint, one message at a time. Used only by the thread of its
 * {@link DeliveryWork}: a session is single-threaded, and an endpoint instance takes one delivery at a time.
 * Whether deliveries are transacted is chosen once per activation: {@link TransactedDelivery} or
 * {@link AcknowledgedDelivery}.
 */
interface SessionDelivery {
    /**
     * How long one receive waits for a message. The provider wakes a waiting receive when a message arrives, so this
     * does not delay delivery; it bounds how long a stopping activation waits for an idle session, and, for
     * transacted delivery, the length of the empty transaction an idle session opens and ends every time it finds
     * nothing.
     */
    long RECEIVE_TIMEOUT_MILLIS = 1000;

    /**
     * Waits up to {@link #RECEIVE_TIMEOUT_MILLIS} for a message and delivers it to the endpoint. An endpoint that
     * throws is handled here (the message comes back); an exception out of here means the session can no longer
     * deliver.
     *
     * @throws JMSException      when the store fails or the session is no longer usable
     * @throws ResourceException when the container refuses to start or end a delivery
     */
    void deliverNext() throws JMSException, ResourceException;

    /** Closes the session (what it holds unacknowledged goes back) and releases the endpoint. Only once. */
    void close();
}
