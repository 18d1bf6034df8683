package io.h2mq.ra.inbound;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.resource.spi.InvalidPropertyException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class H2mqActivationSpecTest {

    private static H2mqActivationSpec queueSpec() {
        H2mqActivationSpec spec = new H2mqActivationSpec();
        spec.setDestination("orders");
        return spec;
    }

    @Test
    void aQueueByNameWithTheDefaultsIsValid() {
        assertDoesNotThrow(queueSpec()::validate);
    }

    @Test
    void aDurableTopicSubscriptionWithANameIsValid() {
        H2mqActivationSpec spec = queueSpec();
        spec.setDestinationType("jakarta.jms.Topic");
        spec.setSubscriptionDurability("Durable");
        spec.setSubscriptionName("watch");
        spec.setAcknowledgeMode("Dups-ok-acknowledge");
        assertDoesNotThrow(spec::validate);
    }

    static Stream<Arguments> invalidSpecs() {
        return Stream.of(
                invalid("no destination", s -> s.setDestination(" "), "destinationLookup or destination"),
                invalid("unknown destinationType", s -> s.setDestinationType("jakarta.jms.Tpoic"),
                        "'jakarta.jms.Tpoic'"),
                invalid("unknown acknowledgeMode", s -> s.setAcknowledgeMode("Client-acknowledge"),
                        "'Client-acknowledge'"),
                invalid("unknown subscriptionDurability", s -> s.setSubscriptionDurability("Forever"), "'Forever'"),
                invalid("durable topic without subscriptionName", s -> {
                    s.setDestinationType("jakarta.jms.Topic");
                    s.setSubscriptionDurability("Durable");
                }, "subscriptionName"),
                invalid("maxSession 0", s -> s.setMaxSession(0), "maxSession must be at least 1, got 0"),
                invalid("negative reconnectInterval", s -> s.setReconnectInterval(-1L), "got -1"),
                invalid("misspelled option", s -> s.setOptions("maxDeliveryAttemps=3"), "maxDeliveryAttemps"),
                invalid("option without value", s -> s.setOptions("prefetch"), "'prefetch'"));
    }

    private static Arguments invalid(String what, Consumer<H2mqActivationSpec> change, String named) {
        return Arguments.of(what, change, named);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSpecs")
    void anInvalidSpecIsRefusedNamingTheProperty(String what, Consumer<H2mqActivationSpec> change, String named) {
        H2mqActivationSpec spec = queueSpec();
        change.accept(spec);
        InvalidPropertyException e = assertThrows(InvalidPropertyException.class, spec::validate);
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }
}
