package io.h2mq.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Hashtable;

import javax.naming.NamingException;
import javax.naming.Reference;

import org.junit.jupiter.api.Test;

import io.h2mq.H2mqConnectionFactory;
import io.h2mq.H2mqObjectFactory;
import io.h2mq.H2mqXAConnectionFactory;

/** Passwords stay out of {@code toString()} and JNDI references; a lookup gets the database password elsewhere. */
class CredentialsTest {
    private static final String DB_SECRET = "db-secret-1";
    private static final String USER_SECRET = "user-secret-2";

    private static H2mqConnectionFactory factory() {
        H2mqConnectionFactory factory = new H2mqConnectionFactory("jdbc:h2:mem:credentials");
        factory.getOptions().setUser("sa");
        factory.getOptions().setPassword(DB_SECRET);
        factory.getOptions().setSecurityUsers("/etc/h2mq/users.properties");
        return factory;
    }

    private static String all(Reference ref) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < ref.size(); i++) {
            s.append(ref.get(i).getType()).append('=').append(ref.get(i).getContent()).append('\n');
        }
        return s.toString();
    }

    @Test
    void toStringShowsNoPassword() {
        H2mqConnectionFactory factory = factory();
        factory.getOptions().setUsers("app:" + USER_SECRET);
        assertFalse(factory.toString().contains(DB_SECRET), factory.toString());
        assertFalse(factory.toString().contains(USER_SECRET), factory.toString());
        assertTrue(factory.toString().contains("password=****"), factory.toString());
    }

    @Test
    void theReferenceCarriesNoDatabasePassword() throws NamingException {
        Reference ref = factory().getReference();
        assertNull(ref.get("password"));
        assertFalse(all(ref).contains(DB_SECRET), all(ref));
        assertEquals("/etc/h2mq/users.properties", ref.get("securityUsers").getContent());
    }

    @Test
    void aFactoryWithTheUsersOptionRefusesToMakeAReference() {
        H2mqConnectionFactory factory = factory();
        factory.getOptions().setUsers("app:" + USER_SECRET);
        NamingException e = assertThrows(NamingException.class, factory::getReference);
        assertFalse(e.getMessage().contains(USER_SECRET), e.getMessage());
    }

    @Test
    void aLookupTakesTheDatabasePasswordFromTheJndiEnvironment() throws Exception {
        Reference ref = factory().getReference();
        Hashtable<String, Object> environment = new Hashtable<>();
        environment.put(H2mqObjectFactory.PASSWORD, DB_SECRET);
        H2mqConnectionFactory found = (H2mqConnectionFactory) new H2mqObjectFactory()
                .getObjectInstance(ref, null, null, environment);
        assertEquals(DB_SECRET, found.getOptions().getPassword());
        assertEquals("sa", found.getOptions().getUser());
        H2mqConnectionFactory without = (H2mqConnectionFactory) new H2mqObjectFactory()
                .getObjectInstance(ref, null, null, new Hashtable<>());
        assertNull(without.getOptions().getPassword());
    }

    @Test
    void anXaFactorysReferenceCarriesNoDatabasePasswordEither() throws Exception {
        H2mqXAConnectionFactory xa = new H2mqXAConnectionFactory(factory().getOptions());
        Reference ref = xa.getReference();
        assertFalse(all(ref).contains(DB_SECRET), all(ref));
        Hashtable<String, Object> environment = new Hashtable<>();
        environment.put(H2mqObjectFactory.PASSWORD, DB_SECRET);
        H2mqXAConnectionFactory found = (H2mqXAConnectionFactory) new H2mqObjectFactory()
                .getObjectInstance(ref, null, null, environment);
        assertEquals(DB_SECRET, found.getOptions().getPassword());
    }
}
