package io.h2mq;

import java.util.Hashtable;

import javax.naming.Context;
import javax.naming.Name;
import javax.naming.RefAddr;
import javax.naming.Reference;
import javax.naming.spi.ObjectFactory;

/**
 * Rebuilds h2mq's administered objects from the JNDI references they hand out. A connection factory's reference
 * carries no database password; the JNDI environment's {@value #PASSWORD}, when set, gives it.
 */
public final class H2mqObjectFactory implements ObjectFactory {
    /** The JNDI environment property holding the database password of the connection factories looked up. */
    public static final String PASSWORD = "h2mq.password";

    @Override
    public Object getObjectInstance(Object obj, Name name, Context nameCtx, Hashtable<?, ?> environment) {
        if (!(obj instanceof Reference ref)) {
            return null;
        }
        String className = ref.getClassName();
        if (H2mqQueue.class.getName().equals(className)) {
            return new H2mqQueue(value(ref, "name"));
        }
        if (H2mqTopic.class.getName().equals(className)) {
            return new H2mqTopic(value(ref, "name"));
        }
        if (H2mqConnectionFactory.class.getName().equals(className)) {
            return H2mqConnectionFactory.fromReference(ref, password(environment));
        }
        if (H2mqXAConnectionFactory.class.getName().equals(className)) {
            return new H2mqXAConnectionFactory(H2mqConnectionFactory.fromReference(ref, password(environment))
                    .getOptions());
        }
        return null;
    }

    private static String password(Hashtable<?, ?> environment) {
        Object password = environment == null ? null : environment.get(PASSWORD);
        return password == null ? null : password.toString();
    }

    private static String value(Reference ref, String key) {
        RefAddr addr = ref.get(key);
        return addr == null ? null : (String) addr.getContent();
    }
}
