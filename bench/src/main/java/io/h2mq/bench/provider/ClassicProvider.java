package io.h2mq.bench.provider;

import java.nio.file.Path;

import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter;

import jakarta.jms.ConnectionFactory;

/**
 * Embedded ActiveMQ Classic with a persistent KahaDB store, reached through {@code vm://} to the broker started
 * here ({@code create=false}, so the transport never makes a second, non-persistent broker).
 *
 * <p>Durability: PERSISTENT sends outside a transaction are synchronous (the client's default,
 * {@code useAsyncSend=false}) and {@code commit()} is synchronous; the broker answers after the KahaDB journal
 * write (survives {@code kill -9}, like h2mq). With {@code fsync} the journal disk sync strategy is {@code ALWAYS}
 * (= {@code enableJournalDiskSyncs=true}), so that write is also forced to the disk (survives a power loss);
 * without, {@code NEVER}: written to the OS only, as h2mq's default.
 *
 * <p>Acknowledgements: asynchronous, the client's default, unless {@code syncAcks} ({@code sendAcksAsync=false}):
 * then each acknowledgement is a request the broker answers, as h2mq's AUTO_ACKNOWLEDGE receive waits for its
 * commit.
 */
public final class ClassicProvider implements Provider {
    private static final String BROKER_NAME = "h2mq-bench";

    private final boolean fsync;
    private final boolean syncAcks;
    private BrokerService broker;

    public ClassicProvider(boolean fsync, boolean syncAcks) {
        this.fsync = fsync;
        this.syncAcks = syncAcks;
    }

    @Override
    public String name() {
        return "ActiveMQ Classic";
    }

    @Override
    public String durability() {
        return "KahaDB, " + (fsync ? "enableJournalDiskSyncs=true (sync strategy ALWAYS)" : "sync strategy NEVER")
                + ", synchronous persistent sends, sendAcksAsync=" + !syncAcks + ", vm:// transport";
    }

    @Override
    public ConnectionFactory start(Path dataDir) throws Exception {
        Path dir = dataDir.toAbsolutePath();
        KahaDBPersistenceAdapter kahaDb = new KahaDBPersistenceAdapter();
        kahaDb.setDirectory(dir.resolve("kahadb").toFile());
        // ALWAYS is what the deprecated enableJournalDiskSyncs=true sets.
        kahaDb.setJournalDiskSyncStrategy(fsync ? "ALWAYS" : "NEVER");

        broker = new BrokerService();
        broker.setBrokerName(BROKER_NAME);
        broker.setDataDirectoryFile(dir.toFile());
        broker.setTmpDataDirectory(dir.resolve("tmp").toFile());
        broker.setPersistent(true);
        broker.setPersistenceAdapter(kahaDb);
        broker.setUseJmx(false);
        broker.setUseShutdownHook(false);
        broker.start();
        broker.waitUntilStarted();

        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://" + BROKER_NAME + "?create=false");
        factory.setUseAsyncSend(false);
        factory.setSendAcksAsync(!syncAcks);
        return factory;
    }

    @Override
    public void stop() throws Exception {
        if (broker != null) {
            broker.stop();
            broker.waitUntilStopped();
        }
    }
}
