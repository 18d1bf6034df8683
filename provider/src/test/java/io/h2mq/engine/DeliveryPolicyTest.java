package io.h2mq.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {
    private final DeliveryPolicy policy = new DeliveryPolicy(3, 100, 2.0, 350, "DLQ");

    @Test
    void delayGrowsByTheBackoffUpToTheCap() {
        assertEquals(100, policy.delayBefore(1));
        assertEquals(200, policy.delayBefore(2));
        assertEquals(350, policy.delayBefore(3));
        assertEquals(350, policy.delayBefore(10));
    }

    @Test
    void noDelayConfiguredMeansAtOnce() {
        assertEquals(0, DeliveryPolicy.DEFAULT.delayBefore(5));
    }

    @Test
    void exhaustedAfterMaxDeliveries() {
        assertFalse(policy.exhausted(2));
        assertTrue(policy.exhausted(3));
        assertFalse(new DeliveryPolicy(0, 0, 1, 0, "DLQ").exhausted(1_000_000), "0 means no limit");
    }

    @Test
    void overridesApplyPerDestinationOverTheDefaults() {
        DeliveryPolicies policies = DeliveryPolicies.of(DeliveryPolicy.DEFAULT,
                "orders:maxDeliveryAttempts=2,deadLetterQueue=orders.DLQ; payments:redeliveryDelay=1000");
        assertEquals(new DeliveryPolicy(2, 0, 2.0, 60_000, "orders.DLQ"), policies.of("orders"));
        assertEquals(1000, policies.of("payments").redeliveryDelay());
        assertEquals(10, policies.of("payments").maxDeliveryAttempts());
        assertEquals(DeliveryPolicy.DEFAULT, policies.of("other"));
    }

    @Test
    void aMisspelledSettingIsRefusedWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeliveryPolicies.of(DeliveryPolicy.DEFAULT, "orders:maxAttempts=2"));
        assertTrue(e.getMessage().contains("maxAttempts"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> DeliveryPolicies.of(DeliveryPolicy.DEFAULT, "orders:redeliveryDelay=soon"));
        assertThrows(IllegalArgumentException.class, () -> DeliveryPolicies.of(DeliveryPolicy.DEFAULT, "orders"));
    }
}
