package io.h2mq.examples.ee;

/**
 * The names the application looks up, in one place. They are global JNDI names without a {@code java:} prefix,
 * because that is the form Payara and Open Liberty bind server resources under ({@code jms/h2mq/...}). WildFly binds
 * its resources under {@code java:/}, and reads an unprefixed {@code @Resource} lookup as {@code java:comp/env/...};
 * so the WildFly descriptor {@code WEB-INF/jboss-ejb3.xml} puts the two names there, pointing at the {@code java:/}
 * bindings.
 */
public final class Names {
    /** The pooled, transaction-enlisted h2mq connection factory of the server. */
    public static final String CONNECTION_FACTORY = "jms/h2mq/ConnectionFactory";
    /** The queue, an administered object of the adapter whose physical name is {@code Orders}. */
    public static final String ORDERS = "jms/h2mq/Orders";

    private Names() {
    }
}
