package io.h2mq.ra.inbound;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** The registry a container gives the adapter, over the transaction {@link RecordingEndpoint} binds to the thread. */
final class ThreadTransactionRegistry implements TransactionSynchronizationRegistry {
    @Override
    public Object getTransactionKey() {
        RecordingEndpoint current = RecordingEndpoint.CURRENT.get();
        return current == null ? null : current.transaction();
    }

    @Override
    public void setRollbackOnly() {
        RecordingEndpoint current = RecordingEndpoint.CURRENT.get();
        if (current == null) {
            throw new IllegalStateException("no transaction on thread " + Thread.currentThread().getName());
        }
        current.markRollbackOnly();
    }

    @Override
    public boolean getRollbackOnly() {
        throw new IllegalStateException("not used by the adapter");
    }

    @Override
    public void putResource(Object key, Object value) {
        throw new IllegalStateException("not used by the adapter");
    }

    @Override
    public Object getResource(Object key) {
        throw new IllegalStateException("not used by the adapter");
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
        throw new IllegalStateException("not used by the adapter");
    }

    @Override
    public int getTransactionStatus() {
        throw new IllegalStateException("not used by the adapter");
    }
}
