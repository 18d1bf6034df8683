package io.h2mq.ra.it.app;

/** The JNDI names glassfish-resources.xml binds and the applications look up; one place for both sides. */
public final class Destinations {
    public static final String CONNECTION_FACTORY = "jms/h2mq/ConnectionFactory";
    /** Consumed by {@link OrdersListener} with five sessions. */
    public static final String ORDERS = "jms/queue/Orders";
    /** Consumed by {@link PoisonListener}, which refuses marked messages. */
    public static final String POISON = "jms/queue/Poison";
    /** Where the adapter's options send a message after its third failed delivery. */
    public static final String DLQ = "jms/queue/DLQ";
    /** No listener: the tests read it themselves. */
    public static final String SCRATCH = "jms/queue/Scratch";
    /** No listener: the redeployed durable subscriber forwards what it receives here. */
    public static final String RECEIVED = "jms/queue/Received";
    /** Durable subscriptions of {@link PricesListener} and of the redeployed subscriber. */
    public static final String PRICES = "jms/topic/Prices";

    /** Message property that makes {@link PoisonListener} throw. */
    public static final String POISON_PROPERTY = "poison";

    private Destinations() {
    }
}
