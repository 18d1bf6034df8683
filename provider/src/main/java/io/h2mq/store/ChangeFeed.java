package io.h2mq.store;

import java.util.Set;

/**
 * How the processes sharing a store tell each other that endpoints changed, so that a consumer in one process is
 * woken by a send committed in another. Inside one process the engine wakes its consumers itself; a feed only
 * carries what crosses processes, and only as a hint: it may lose or repeat a change, and it may report changes
 * that made nothing new claimable. Whoever is told must still look in the store, and must look now and then even
 * when told nothing (the engine does, every {@link StoreSettings#pollMillis()}), as a hint can be lost.
 *
 * <p>Lifecycle: {@link #start} once, {@link #announce} from any thread at any time, {@link #close} once. A feed of a
 * store no other process can open ({@link #NONE}) does nothing and starts no thread.
 *
 * <p>Thread-safe. {@link #announce} never blocks on the database and never throws: it is called right after a
 * commit, on the path of the sender. Listener methods are called from a thread of the feed and must return quickly.
 */
public interface ChangeFeed extends AutoCloseable {

    /** The feed of a store only this process can open: there is no one to tell and nothing to hear. */
    ChangeFeed NONE = new ChangeFeed() {
        @Override
        public boolean shared() {
            return false;
        }

        @Override
        public void start(Listener listener) {
        }

        @Override
        public void announce(Set<Long> endpointIds) {
        }

        @Override
        public void close() {
        }
    };

    /** True when other processes may write to the store, so its changes need not all come from this process. */
    boolean shared();

    /** Starts telling {@code listener} of other processes' changes, from a thread of the feed. Called once. */
    void start(Listener listener);

    /**
     * Tells the other processes that a commit of this process gave these endpoints entries to deliver. Returns at
     * once; announcements made close together may go out as one. Announcements after {@link #close} are dropped.
     */
    void announce(Set<Long> endpointIds);

    /**
     * Stops the feed's threads and closes its database connections, waiting for them; announcements not sent yet
     * are dropped. Idempotent.
     */
    @Override
    void close();

    /** What a feed reports to. Calls come from one thread of the feed at a time. */
    interface Listener {
        /** The endpoints this process is waiting on now; a feed that has to look for changes looks only at these. */
        Set<Long> watched();

        /** Another process (probably) gave the endpoint entries to deliver. */
        void added(long endpointId);

        /** Another process (probably) took entries off the endpoint, which may have made room on it. */
        void removed(long endpointId);

        /** Changes may have been missed (the feed lost its connection): every endpoint may have changed. */
        void missed();
    }
}
