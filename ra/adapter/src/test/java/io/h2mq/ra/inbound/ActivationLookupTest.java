package io.h2mq.ra.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.naming.Context;
import javax.naming.NamingException;

import io.h2mq.H2mqQueue;

import jakarta.jms.InvalidSelectorException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.InvalidPropertyException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What an activation resolves when the endpoint is activated: JNDI names, the store, the consumer. */
@Timeout(60)
class ActivationLookupTest {
    @TempDir
    Path dir;
    private TestStore store;
    private ThreadPoolWorkManager workManager;
    private Activations activations;

    @BeforeEach
    void setUp() {
        store = new TestStore(dir);
        workManager = new ThreadPoolWorkManager();
        // The adapter's own store is elsewhere: only the looked-up factory leads to the test's store.
        activations = new Activations(workManager, new TestStore(dir.resolve("other")).adapterSettings(), null);
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, TestContextFactory.class.getName());
        TestContextFactory.bind(Map.of("connectionFactory.Billing", store.url, "queue.Orders", "orders"));
    }

    @AfterEach
    void tearDown() {
        activations.stopAll();
        workManager.close();
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        TestContextFactory.bind(Map.of());
    }

    private static H2mqActivationSpec lookupSpec(String destination, String factory) {
        H2mqActivationSpec spec = new H2mqActivationSpec();
        spec.setDestinationLookup(destination);
        spec.setConnectionFactoryLookup(factory);
        spec.setMaxSession(2);
        return spec;
    }

    @Test
    void theDestinationAndTheStoreAreLookedUpInJndi() throws Exception {
        RecordingEndpointFactory bean = RecordingEndpointFactory.accepting(false);
        activations.activate(bean, lookupSpec("Orders", "Billing"));

        store.send(new H2mqQueue("orders"), "order-0");

        Waits.waitFor(() -> bean.receivedCount() == 1);
        assertEquals(List.of("order-0"), bean.received().stream().map(Received::text).toList());
    }

    @Test
    void anUnboundDestinationLookupFailsTheActivationNamingIt() {
        ResourceException e = assertThrows(ResourceException.class, () -> activations.activate(
                RecordingEndpointFactory.accepting(false), lookupSpec("Ordres", "Billing")));
        assertTrue(e.getMessage().contains("destinationLookup 'Ordres'"), e.getMessage());
        assertInstanceOf(NamingException.class, e.getCause());
    }

    @Test
    void aConnectionFactoryLookupThatIsNotAnH2mqFactoryFailsTheActivation() {
        InvalidPropertyException e = assertThrows(InvalidPropertyException.class, () -> activations.activate(
                RecordingEndpointFactory.accepting(false), lookupSpec("Orders", "Orders")));
        assertTrue(e.getMessage().contains("connectionFactoryLookup 'Orders' names a io.h2mq.H2mqQueue"),
                e.getMessage());
    }

    @Test
    void anInvalidSelectorFailsTheActivationAndReleasesWhatItOpened() {
        RecordingEndpointFactory bean = RecordingEndpointFactory.accepting(true);
        H2mqActivationSpec spec = lookupSpec("Orders", "Billing");
        spec.setMessageSelector("kind = ");

        ResourceException e = assertThrows(ResourceException.class, () -> activations.activate(bean, spec));

        assertInstanceOf(InvalidSelectorException.class, e.getCause());
        assertEquals(bean.created.get(), bean.released.get());
    }

    @Test
    void activatingTheSameEndpointAndSpecTwiceIsRefused() throws Exception {
        RecordingEndpointFactory bean = RecordingEndpointFactory.accepting(false);
        H2mqActivationSpec spec = lookupSpec("Orders", "Billing");
        activations.activate(bean, spec);

        ResourceException e = assertThrows(ResourceException.class, () -> activations.activate(bean, spec));

        assertTrue(e.getMessage().contains("already active"), e.getMessage());
    }
}
