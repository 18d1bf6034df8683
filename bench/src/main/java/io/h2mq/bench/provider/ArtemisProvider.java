package io.h2mq.bench.provider;

import java.nio.file.Path;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import jakarta.jms.ConnectionFactory;

/**
 * Embedded ActiveMQ Artemis with a persistent file journal (NIO, no libaio) reached through the in-VM acceptor.
 *
 * <p>Durability: the journal syncs both transactional and non-transactional records
 * ({@code journal-sync-transactional} and {@code journal-sync-non-transactional} true) and the JMS client blocks on
 * durable sends ({@code blockOnDurableSend}, its default), so a PERSISTENT {@code send()} and a {@code commit()}
 * return after the journal is written (survives {@code kill -9}, like h2mq). With {@code fsync}
 * ({@code journal-datasync} true, the default) the write is also forced to the disk (survives a power loss);
 * without, it is written to the OS only, as h2mq's default. Everything else stays at the broker's
 * defaults (including the NIO journal buffer timeout that batches syncs; it is what bounds one synchronous
 * producer). Security, JMX and the critical analyzer are off: none of them is on the message path, and the analyzer
 * could stop the JVM on a slow shared disk.
 *
 * <p>Acknowledgements: asynchronous, the client's default, unless {@code syncAcks} ({@code blockOnAcknowledge}):
 * then each acknowledgement waits for the broker, as h2mq's AUTO_ACKNOWLEDGE receive waits for its commit.
 */
public final class ArtemisProvider implements Provider {
    private final boolean fsync;
    private final boolean syncAcks;
    private EmbeddedActiveMQ server;

    public ArtemisProvider(boolean fsync, boolean syncAcks) {
        this.fsync = fsync;
        this.syncAcks = syncAcks;
    }

    @Override
    public String name() {
        return "Artemis";
    }

    @Override
    public String durability() {
        return "file journal NIO, journal-sync-transactional=true, journal-sync-non-transactional=true, "
                + "journal-datasync=" + fsync + ", blockOnDurableSend=true, blockOnAcknowledge=" + syncAcks
                + ", in-VM acceptor";
    }

    @Override
    public ConnectionFactory start(Path dataDir) throws Exception {
        Path dir = dataDir.toAbsolutePath();
        Configuration config = journalled(dir, fsync).addAcceptorConfiguration("in-vm", "vm://0");
        server = new EmbeddedActiveMQ();
        server.setConfiguration(config);
        server.start();
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0");
        factory.setBlockOnDurableSend(true);
        factory.setBlockOnAcknowledge(syncAcks);
        return factory;
    }

    @Override
    public void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    /**
     * The broker's configuration in every run that measures Artemis: a persistent NIO journal that syncs every
     * durable send and transaction ({@code journal-datasync} as {@code fsync} says), no security, JMX or critical
     * analyzer; the caller adds its acceptor.
     */
    public static Configuration journalled(Path dir, boolean fsync) {
        return new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setLargeMessagesDirectory(dir.resolve("large").toString())
                .setJournalSyncTransactional(true)
                .setJournalSyncNonTransactional(true)
                .setJournalDatasync(fsync)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setCriticalAnalyzer(false);
    }
}
