package io.h2mq.engine;

/**
 * How a destination treats messages that keep coming back.
 *
 * @param maxDeliveryAttempts deliveries after which a message goes to the dead-letter queue; 0 for no limit
 * @param redeliveryDelay     milliseconds before the first redelivery; 0 for at once
 * @param redeliveryBackoff   factor applied to the delay at each further redelivery (1 for a constant delay)
 * @param maxRedeliveryDelay  cap of the delay in milliseconds
 * @param deadLetterQueue     physical name of the dead-letter queue
 */
public record DeliveryPolicy(int maxDeliveryAttempts, long redeliveryDelay, double redeliveryBackoff,
                             long maxRedeliveryDelay, String deadLetterQueue) {

    public static final DeliveryPolicy DEFAULT = new DeliveryPolicy(10, 0, 2.0, 60_000, "DLQ");

    /** Delay before redelivery number {@code redelivery} (1 for the first). */
    public long delayBefore(int redelivery) {
        if (redeliveryDelay <= 0 || redelivery < 1) {
            return 0;
        }
        double delay = redeliveryDelay * Math.pow(redeliveryBackoff, redelivery - 1);
        return (long) Math.min(delay, maxRedeliveryDelay);
    }

    /** True once a message delivered {@code previousDeliveries} times must not be delivered again. */
    public boolean exhausted(int previousDeliveries) {
        return maxDeliveryAttempts > 0 && previousDeliveries >= maxDeliveryAttempts;
    }
}
