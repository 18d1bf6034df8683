package io.h2mq.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * The delivery policy of each destination: the defaults, overridden per destination by a specification such as
 * {@code orders:maxDeliveryAttempts=3,deadLetterQueue=orders.DLQ;payments:redeliveryDelay=1000} (destinations
 * separated by ';', settings by ','). A typo is refused when the specification is read, naming what is wrong.
 */
public final class DeliveryPolicies {
    private final DeliveryPolicy defaults;
    private final Map<String, DeliveryPolicy> overrides;

    private DeliveryPolicies(DeliveryPolicy defaults, Map<String, DeliveryPolicy> overrides) {
        this.defaults = defaults;
        this.overrides = Map.copyOf(overrides);
    }

    public static DeliveryPolicies of(DeliveryPolicy defaults, String specification) {
        Map<String, DeliveryPolicy> overrides = new HashMap<>();
        if (specification != null && !specification.isBlank()) {
            for (String part : specification.split(";")) {
                if (part.isBlank()) {
                    continue;
                }
                int colon = part.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("policy '" + part.trim() + "' must look like "
                            + "destination:setting=value,setting=value");
                }
                String destination = part.substring(0, colon).trim();
                overrides.put(destination, apply(defaults, destination, part.substring(colon + 1)));
            }
        }
        return new DeliveryPolicies(defaults, overrides);
    }

    private static DeliveryPolicy apply(DeliveryPolicy base, String destination, String settings) {
        DeliveryPolicy p = base;
        for (String setting : settings.split(",")) {
            String[] kv = setting.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("policy of '" + destination + "': '" + setting.trim()
                        + "' must be setting=value");
            }
            String key = kv[0].trim();
            String value = kv[1].trim();
            try {
                p = switch (key) {
                    case "maxDeliveryAttempts" -> new DeliveryPolicy(Integer.parseInt(value), p.redeliveryDelay(),
                            p.redeliveryBackoff(), p.maxRedeliveryDelay(), p.deadLetterQueue());
                    case "redeliveryDelay" -> new DeliveryPolicy(p.maxDeliveryAttempts(), Long.parseLong(value),
                            p.redeliveryBackoff(), p.maxRedeliveryDelay(), p.deadLetterQueue());
                    case "redeliveryBackoff" -> new DeliveryPolicy(p.maxDeliveryAttempts(), p.redeliveryDelay(),
                            Double.parseDouble(value), p.maxRedeliveryDelay(), p.deadLetterQueue());
                    case "maxRedeliveryDelay" -> new DeliveryPolicy(p.maxDeliveryAttempts(), p.redeliveryDelay(),
                            p.redeliveryBackoff(), Long.parseLong(value), p.deadLetterQueue());
                    case "deadLetterQueue" -> new DeliveryPolicy(p.maxDeliveryAttempts(), p.redeliveryDelay(),
                            p.redeliveryBackoff(), p.maxRedeliveryDelay(), value);
                    default -> throw new IllegalArgumentException("policy of '" + destination
                            + "': unknown setting '" + key + "' (known: maxDeliveryAttempts, redeliveryDelay, "
                            + "redeliveryBackoff, maxRedeliveryDelay, deadLetterQueue)");
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("policy of '" + destination + "': " + key + " must be a number, "
                        + "got '" + value + "'", e);
            }
        }
        return p;
    }

    /** The policy of a queue or topic by its physical name. */
    public DeliveryPolicy of(String destination) {
        return overrides.getOrDefault(destination, defaults);
    }
}
