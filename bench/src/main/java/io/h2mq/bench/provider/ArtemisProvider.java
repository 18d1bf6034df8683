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
 * <p>Durability, equal to h2mq's: the journal syncs both transactional and non-transactional records
 * ({@code journal-sync-transactional} and {@code journal-sync-non-transactional} true, {@code journal-datasync}
 * true), and the JMS client blocks on durable sends ({@code blockOnDurableSend}, its default), so a PERSISTENT
 * {@code send()} and a {@code commit()} return after the journal is forced. Everything else stays at the broker's
 * defaults (including the NIO journal buffer timeout that batches syncs; it is what bounds one synchronous
 * producer). Security, JMX and the critical analyzer are off: none of them is on the message path, and the analyzer
 * could stop the JVM on a slow shared disk.
 */
public final class ArtemisProvider implements Provider {
    private EmbeddedActiveMQ server;

    @Override
    public String name() {
        return "Artemis";
    }

    @Override
    public String durability() {
        return "file journal NIO, journal-sync-transactional=true, journal-sync-non-transactional=true, "
                + "datasync=true, blockOnDurableSend=true, in-VM acceptor";
    }

    @Override
    public ConnectionFactory start(Path dataDir) throws Exception {
        Path dir = dataDir.toAbsolutePath();
        Configuration config = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setLargeMessagesDirectory(dir.resolve("large").toString())
                .setJournalSyncTransactional(true)
                .setJournalSyncNonTransactional(true)
                .setJournalDatasync(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setCriticalAnalyzer(false)
                .addAcceptorConfiguration("in-vm", "vm://0");
        server = new EmbeddedActiveMQ();
        server.setConfiguration(config);
        server.start();
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0");
        factory.setBlockOnDurableSend(true);
        return factory;
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.stop();
        }
    }
}
