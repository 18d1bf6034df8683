package io.h2mq.engine;

import java.util.HashMap;
import java.util.Map;

import io.h2mq.H2mqOptions;

/**
 * The delivery, overflow and size policies of each destination: the defaults, overridden per destination by a
 * specification such as {@code orders:maxDeliveryAttempts=3,maxDepth=10000,overflow=FAIL;payments:redeliveryDelay=1000}
 * (destinations separated by ';', settings by ','). A typo is refused when the specification is read, naming what is
 * wrong.
 */
public final class DeliveryPolicies {
    private record Both(DeliveryPolicy delivery, OverflowPolicy overflow, String expiryQueue, long maxMessageSize) {
    }

    private final Both defaults;
    private final Map<String, Both> overrides;

    private DeliveryPolicies(Both defaults, Map<String, Both> overrides) {
        this.defaults = defaults;
        this.overrides = Map.copyOf(overrides);
    }

    public static DeliveryPolicies of(DeliveryPolicy defaults, String specification) {
        return of(defaults, OverflowPolicy.UNLIMITED, null, specification);
    }

    /**
     * @param expiryQueueDefault the queue expired messages move to, or null to drop them
     */
    public static DeliveryPolicies of(DeliveryPolicy deliveryDefaults, OverflowPolicy overflowDefaults,
                                      String expiryQueueDefault, String specification) {
        return of(deliveryDefaults, overflowDefaults, expiryQueueDefault, H2mqOptions.DEFAULT_MAX_MESSAGE_SIZE,
                specification);
    }

    /**
     * @param expiryQueueDefault    the queue expired messages move to, or null to drop them
     * @param maxMessageSizeDefault the largest message (encoded bytes) a send accepts
     */
    public static DeliveryPolicies of(DeliveryPolicy deliveryDefaults, OverflowPolicy overflowDefaults,
                                      String expiryQueueDefault, long maxMessageSizeDefault, String specification) {
        Both defaults = new Both(deliveryDefaults, overflowDefaults, expiryQueueDefault, maxMessageSizeDefault);
        Map<String, Both> overrides = new HashMap<>();
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

    private static Both apply(Both base, String destination, String settings) {
        DeliveryPolicy p = base.delivery();
        OverflowPolicy o = base.overflow();
        String expiryQueue = base.expiryQueue();
        long maxMessageSize = base.maxMessageSize();
        for (String setting : settings.split(",")) {
            String[] kv = setting.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("policy of '" + destination + "': '" + setting.trim()
                        + "' must be setting=value");
            }
            String key = kv[0].trim();
            String value = kv[1].trim();
            try {
                switch (key) {
                    case "maxDepth" -> o = new OverflowPolicy(Long.parseLong(value), o.maxBytes(), o.action(),
                            o.blockTimeoutMillis());
                    case "maxDepthBytes" -> o = new OverflowPolicy(o.maxMessages(), Long.parseLong(value), o.action(),
                            o.blockTimeoutMillis());
                    case "overflow" -> o = new OverflowPolicy(o.maxMessages(), o.maxBytes(), action(destination, value),
                            o.blockTimeoutMillis());
                    case "blockTimeout" -> o = new OverflowPolicy(o.maxMessages(), o.maxBytes(), o.action(),
                            Long.parseLong(value));
                    case "expiryQueue" -> expiryQueue = value.isEmpty() ? null : value;
                    case "maxMessageSize" -> maxMessageSize = maxMessageSize(destination, value);
                    default -> p = delivery(p, destination, key, value);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("policy of '" + destination + "': " + key + " must be a number, "
                        + "got '" + value + "'", e);
            }
        }
        return new Both(p, o, expiryQueue, maxMessageSize);
    }

    private static long maxMessageSize(String destination, String value) {
        long size = Long.parseLong(value);
        if (size < 1 || size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("policy of '" + destination + "': maxMessageSize must be from 1 to "
                    + Integer.MAX_VALUE + " bytes, got " + size);
        }
        return size;
    }

    /** Parses an overflow action name. */
    public static OverflowPolicy.Action action(String destination, String value) {
        try {
            return OverflowPolicy.Action.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("policy of '" + destination + "': overflow must be BLOCK, FAIL, "
                    + "DROP_NEW or DROP_OLD, got '" + value + "'", e);
        }
    }

    private static DeliveryPolicy delivery(DeliveryPolicy p, String destination, String key, String value) {
        return switch (key) {
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
                    + "redeliveryBackoff, maxRedeliveryDelay, deadLetterQueue, maxDepth, maxDepthBytes, "
                    + "overflow, blockTimeout, expiryQueue, maxMessageSize)");
        };
    }


    /** The delivery policy of a queue or topic by its physical name. */
    public DeliveryPolicy of(String destination) {
        return overrides.getOrDefault(destination, defaults).delivery();
    }

    /** The queue expired messages of a destination move to, or null when they are dropped. */
    public String expiryQueueOf(String destination) {
        return overrides.getOrDefault(destination, defaults).expiryQueue();
    }

    /** False when every destination drops its expired messages, so no expired message needs to be read. */
    public boolean anyExpiryQueue() {
        return defaults.expiryQueue() != null || overrides.values().stream().anyMatch(b -> b.expiryQueue() != null);
    }

    /** The largest message, in encoded bytes, a send to a queue or topic accepts. */
    public long maxMessageSizeOf(String destination) {
        return overrides.getOrDefault(destination, defaults).maxMessageSize();
    }

    /** The overflow policy of a queue or topic (for a topic, it applies to each subscription). */
    public OverflowPolicy overflowOf(String destination) {
        return overrides.getOrDefault(destination, defaults).overflow();
    }
}
