package io.h2mq.ra.inbound;

import java.lang.System.Logger.Level;

import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Marks the container transaction of the delivering thread for rollback when {@code onMessage} failed before the
 * bean's own transaction handling ran (a bean being undeployed throws from the container's proxy, so no interceptor
 * rolled back): without it, {@code afterDelivery} would commit the branch and the message would be consumed
 * undelivered. The server gives the registry through its bootstrap context; without one nothing can be marked, which
 * the log says once per failure.
 */
final class RollbackMarker {
    private static final System.Logger LOG = System.getLogger(RollbackMarker.class.getName());
    static final RollbackMarker NONE = new RollbackMarker(null);

    private final TransactionSynchronizationRegistry registry;

    RollbackMarker(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    void markRollbackOnly(Object source) {
        if (registry == null) {
            LOG.log(Level.WARNING, "h2mq cannot mark the transaction of a failed delivery from " + source
                    + " for rollback: the server gave the adapter no TransactionSynchronizationRegistry");
            return;
        }
        if (registry.getTransactionKey() != null) {
            registry.setRollbackOnly();
        }
    }
}
