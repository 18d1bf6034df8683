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
 * <p>Durability, equal to h2mq's: {@code enableJournalDiskSyncs=true} (journal disk sync strategy {@code ALWAYS}),
 * so each journal write is forced before the store acknowledges it; PERSISTENT sends outside a transaction are
 * synchronous (the client's default, {@code useAsyncSend=false}), and {@code commit()} is synchronous.
 */
public final class ClassicProvider implements Provider {
    private static final String BROKER_NAME = "h2mq-bench";

    private BrokerService broker;

    @Override
    public String name() {
        return "ActiveMQ Classic";
    }

    @Override
    public String durability() {
        return "KahaDB, enableJournalDiskSyncs=true (sync strategy ALWAYS), synchronous persistent sends, "
                + "vm:// transport";
    }

    @Override
    public ConnectionFactory start(Path dataDir) throws Exception {
        Path dir = dataDir.toAbsolutePath();
        KahaDBPersistenceAdapter kahaDb = new KahaDBPersistenceAdapter();
        kahaDb.setDirectory(dir.resolve("kahadb").toFile());
        kahaDb.setEnableJournalDiskSyncs(true);
        kahaDb.setJournalDiskSyncStrategy("ALWAYS");

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
        return factory;
    }

    @Override
    public void close() throws Exception {
        if (broker != null) {
            broker.stop();
            broker.waitUntilStopped();
        }
    }
}
