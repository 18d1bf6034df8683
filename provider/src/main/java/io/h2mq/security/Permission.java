package io.h2mq.security;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a role may do on a destination. Each is named in permission rules as {@link #ruleName()}: {@code send},
 * {@code consume}, {@code browse}, {@code createDurableSubscription}, {@code deleteDurableSubscription},
 * {@code manage}.
 */
public enum Permission {
    SEND("send", "send to"),
    CONSUME("consume", "consume from"),
    BROWSE("browse", "browse"),
    CREATE_DURABLE_SUBSCRIPTION("createDurableSubscription", "create a durable subscription on"),
    DELETE_DURABLE_SUBSCRIPTION("deleteDurableSubscription", "delete a durable subscription on"),
    MANAGE("manage", "manage");

    private final String ruleName;
    private final String verb;

    Permission(String ruleName, String verb) {
        this.ruleName = ruleName;
        this.verb = verb;
    }

    /** The name in permission rules. */
    public String ruleName() {
        return ruleName;
    }

    /** How a refusal says it: "may not send to 'orders'". */
    String verb() {
        return verb;
    }

    /** The permission a rule names, case-insensitively. */
    public static Permission named(String name) {
        for (Permission p : values()) {
            if (p.ruleName.equalsIgnoreCase(name.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown permission '" + name + "' (known: "
                + Arrays.stream(values()).map(Permission::ruleName).collect(Collectors.joining(", ")) + ")");
    }
}
