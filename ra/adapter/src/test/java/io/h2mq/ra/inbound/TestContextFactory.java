package io.h2mq.ra.inbound;

import java.util.Hashtable;
import java.util.Map;

import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;

import io.h2mq.jndi.H2mqInitialContextFactory;

/**
 * The server's JNDI for {@code new InitialContext()}: h2mq's context over bindings the test sets, since system
 * properties only carry the standard {@code java.naming.*} keys into the environment.
 */
public final class TestContextFactory implements InitialContextFactory {
    private static volatile Map<String, String> bindings = Map.of();

    static void bind(Map<String, String> properties) {
        bindings = Map.copyOf(properties);
    }

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) throws NamingException {
        Hashtable<Object, Object> merged = new Hashtable<>(environment);
        merged.putAll(bindings);
        return new H2mqInitialContextFactory().getInitialContext(merged);
    }
}
