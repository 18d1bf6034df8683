package io.h2mq.ra.it.app;

/** The JNDI names the rar's ironjacamar.xml binds and the applications look up; one place for both sides. */
public final class Destinations {
    public static final String CONNECTION_FACTORY = "java:/jms/h2mq/ConnectionFactory";
    /** Consumed by {@link OrdersListener} with five sessions. */
    public static final String ORDERS = "java:/jms/queue/Orders";
    /** Consumed by {@link PoisonListener}, which refuses marked messages. */
    public static final String POISON = "java:/jms/queue/Poison";
    /** Where the adapter's options send a message after its third failed delivery. */
    public static final String DLQ = "java:/jms/queue/DLQ";
    /** No listener: the tests read it themselves. */
    public static final String SCRATCH = "java:/jms/queue/Scratch";
    /** No listener: the redeployed durable subscriber forwards what it receives here. */
    public static final String RECEIVED = "java:/jms/queue/Received";
    /** Durable subscriptions of {@link PricesListener} and of the redeployed subscriber. */
    public static final String PRICES = "java:/jms/topic/Prices";

    /** Where the crash-recovery test's transfer takes its message from (only that test's rar binds it). */
    public static final String TRANSFER_IN = "java:/jms/queue/TransferIn";
    /** Where the crash-recovery test's transfer puts the message (only that test's rar binds it). */
    public static final String TRANSFER_OUT = "java:/jms/queue/TransferOut";

    /** Message property that makes {@link PoisonListener} throw. */
    public static final String POISON_PROPERTY = "poison";

    private Destinations() {
    }
}
