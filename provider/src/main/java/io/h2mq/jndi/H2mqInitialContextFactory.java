package io.h2mq.jndi;

import java.util.Hashtable;
import java.util.Map;

import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;

/**
 * JNDI for applications that look up their connection factory and destinations by name, from plain properties
 * (usually a {@code jndi.properties} on the class path):
 *
 * <pre>
 * java.naming.factory.initial = io.h2mq.jndi.H2mqInitialContextFactory
 * connectionFactory.ConnectionFactory = jdbc:h2:file:./h2mq-data/h2mq
 * connectionFactory.ConnectionFactory.clientID = billing
 * queue.Orders = orders
 * topic.Prices = prices
 * </pre>
 *
 * Names under {@code dynamicQueues/} and {@code dynamicTopics/} resolve to destinations of that physical name without
 * being declared. The context is read-only.
 */
public final class H2mqInitialContextFactory implements InitialContextFactory {
    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) throws NamingException {
        Map<String, Object> bindings = JndiBindings.from(environment);
        return new ReadOnlyContext(environment, bindings);
    }
}
