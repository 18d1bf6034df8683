package io.h2mq.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.H2mqConnectionFactory;
import io.h2mq.testing.TestStores;

import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Session;

/** Who may connect: users and roles files, a JAAS login module, the default user, and refusals that keep secrets. */
@Timeout(60)
class AuthenticationTest {
    private static final String JAAS_ENTRY = "h2mq-test";

    @TempDir
    Path dir;

    private H2mqConnectionFactory files;
    private Configuration previousJaas;

    @BeforeEach
    void setUp() throws Exception {
        files = SecuredStore.factory(dir);
        previousJaas = Configuration.getConfiguration();
    }

    @AfterEach
    void restoreJaas() {
        Configuration.setConfiguration(previousJaas);
    }

    private static void sendToOrders(Connection connection) throws JMSException {
        Session session = connection.createSession();
        session.createProducer(session.createQueue("orders")).send(session.createTextMessage("hello"));
    }

    @Test
    void theUsersFileAcceptsTheRightPasswordAndTheRolesFileGivesRoles() throws JMSException {
        try (Connection alice = files.createConnection("alice", "alice-secret")) {
            sendToOrders(alice);
        }
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIsRefusedNamingTheUserButNotThePassword() {
        JMSSecurityException wrong = assertThrows(JMSSecurityException.class,
                () -> files.createConnection("alice", "not-alice-secret"));
        assertEquals("user 'alice' is not accepted by this connection factory (wrong user name or password)",
                wrong.getMessage());
        assertThrows(JMSSecurityException.class, () -> files.createConnection("mallory", "alice-secret"));
        assertThrows(JMSSecurityException.class, () -> files.createQueueConnection("alice", null));
        JMSSecurityRuntimeException fromContext = assertThrows(JMSSecurityRuntimeException.class,
                () -> files.createContext("alice", "not-alice-secret"));
        assertFalse(fromContext.getMessage().contains("not-alice-secret"), fromContext.getMessage());
    }

    @Test
    void withoutCredentialsAndWithoutDefaultUserAConnectionIsRefused() {
        JMSSecurityException refused = assertThrows(JMSSecurityException.class, files::createConnection);
        assertTrue(refused.getMessage().contains("securityDefaultUser"), refused.getMessage());
        assertThrows(JMSSecurityRuntimeException.class, files::createContext);
    }

    @Test
    void withoutCredentialsAConnectionIsTheDefaultUserWithItsRoles() throws JMSException {
        files.getOptions().setSecurityDefaultUser("guest");
        files.getOptions().setSecurityDefaultRoles("app");
        try (Connection guest = files.createConnection()) {
            sendToOrders(guest);
            Session session = guest.createSession();
            JMSSecurityException refused = assertThrows(JMSSecurityException.class,
                    () -> session.createProducer(session.createQueue("payments")).send(session.createMessage()));
            assertTrue(refused.getMessage().startsWith("user 'guest' (roles [app])"), refused.getMessage());
        }
    }

    @Test
    void permissionsWithoutUsersToGrantThemToAreAConfigurationError() {
        H2mqConnectionFactory unusable = new H2mqConnectionFactory(TestStores.url(dir));
        unusable.getOptions().setSecurityPermissions("send:# = app");
        JMSException e = assertThrows(JMSException.class, unusable::createConnection);
        assertTrue(e.getMessage().startsWith("h2mq option 'securityPermissions'"), e.getMessage());
    }

    @Test
    void anUnreadableUsersFileIsAConfigurationErrorNamingIt() {
        files.getOptions().setSecurityUsers(dir.resolve("missing.properties").toString());
        JMSException e = assertThrows(JMSException.class, () -> files.createConnection("alice", "alice-secret"));
        assertTrue(e.getMessage().contains("missing.properties"), e.getMessage());
    }

    // ---- JAAS --------------------------------------------------------------------------------------------------

    private H2mqConnectionFactory jaas() {
        Map<String, String> options = Map.of("users", dir.resolve("users.properties").toString(),
                "roles", dir.resolve("roles.properties").toString());
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return JAAS_ENTRY.equals(name) ? new AppConfigurationEntry[] {new AppConfigurationEntry(
                        PropertiesLoginModule.class.getName(),
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)} : null;
            }
        });
        H2mqConnectionFactory factory = new H2mqConnectionFactory(TestStores.url(dir));
        factory.getOptions().setJaasLoginContext(JAAS_ENTRY);
        factory.getOptions().setSecurityPermissions(files.getOptions().getSecurityPermissions());
        return factory;
    }

    @Test
    void aJaasLoginModuleAuthenticatesAndItsRolePrincipalsAreTheRoles() throws JMSException {
        H2mqConnectionFactory factory = jaas();
        try (Connection alice = factory.createConnection("alice", "alice-secret")) {
            sendToOrders(alice);
        }
        try (Connection bob = factory.createConnection("bob", "bob-secret")) {
            JMSSecurityException refused = assertThrows(JMSSecurityException.class, () -> sendToOrders(bob));
            assertTrue(refused.getMessage().startsWith("user 'bob' (roles [])"), refused.getMessage());
        }
    }

    @Test
    void aJaasLoginThatFailsIsRefusedNamingTheUserButNotThePassword() {
        H2mqConnectionFactory factory = jaas();
        JMSSecurityException refused = assertThrows(JMSSecurityException.class,
                () -> factory.createConnection("alice", "not-alice-secret"));
        assertTrue(refused.getMessage().startsWith("user 'alice' is not accepted"), refused.getMessage());
        for (Throwable t = refused; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("not-alice-secret"), t.getMessage());
        }
        factory.getOptions().setJaasLoginContext("no-such-entry");
        assertThrows(JMSSecurityException.class, () -> factory.createConnection("alice", "alice-secret"));
    }

    @Test
    void theRolePrincipalClassIsConfigurable() throws JMSException {
        H2mqConnectionFactory factory = jaas();
        factory.getOptions().setJaasRolePrincipalClass(UserPrincipal.class.getName());
        try (Connection alice = factory.createConnection("alice", "alice-secret")) {
            JMSSecurityException refused = assertThrows(JMSSecurityException.class, () -> sendToOrders(alice));
            assertTrue(refused.getMessage().startsWith("user 'alice' (roles [alice])"), refused.getMessage());
        }
    }

    @Test
    void theUsersOptionStillAuthenticatesWithoutRoles() throws JMSException {
        H2mqConnectionFactory simple = new H2mqConnectionFactory(TestStores.url(dir));
        simple.getOptions().setUsers("app:app-secret");
        try (JMSContext context = simple.createContext("app", "app-secret")) {
            context.createProducer().send(context.createQueue("anything"), "accepted");
        }
        simple.createConnection().close();
        assertThrows(JMSSecurityException.class, () -> simple.createConnection("app", "wrong"));
        simple.getOptions().setSecurityUsers(files.getOptions().getSecurityUsers());
        JMSException both = assertThrows(JMSException.class, () -> simple.createConnection("app", "app-secret"));
        assertTrue(both.getMessage().startsWith("h2mq option 'users' cannot be combined"), both.getMessage());
    }
}
