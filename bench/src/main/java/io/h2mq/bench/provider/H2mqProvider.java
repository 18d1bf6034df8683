package io.h2mq.bench.provider;

import java.nio.file.Path;

import io.h2mq.H2mqConnectionFactory;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;

/**
 * h2mq on an embedded H2 file. By default with the provider's default durability, {@code PROCESS_CRASH}: each
 * (group) commit is written to the file before it returns ({@code WRITE_DELAY=0}), so nothing returned is lost on
 * {@code kill -9}, but the file is not forced to the device (strace: a handful of fsyncs over thousands of commits),
 * so a power loss can lose returned commits. The setting {@code h2mq.durability=POWER_LOSS} forces each group commit
 * (the guarantee the peers give with their default {@code peers.fsync=true}).
 *
 * <p>All connections of a JVM to one store share one engine, which closes with the last connection; one connection
 * is kept open for the provider's whole life so the workloads do not each reopen the database.
 */
public final class H2mqProvider implements Provider {
    private final String durability;
    private Connection keepAlive;

    /** @param durability an h2mq {@code durability} option value, or null for the provider's default */
    public H2mqProvider(String durability) {
        this.durability = durability;
    }

    @Override
    public String name() {
        return "h2mq";
    }

    @Override
    public String durability() {
        return "embedded H2 file, durability=" + (durability == null ? "default (PROCESS_CRASH: each group commit "
                + "written to the file before it returns, not forced)" : durability);
    }

    @Override
    public ConnectionFactory start(Path dataDir) throws Exception {
        H2mqConnectionFactory factory = new H2mqConnectionFactory("jdbc:h2:file:" + dataDir.toAbsolutePath() + "/h2mq");
        if (durability != null) {
            factory.getOptions().setDurability(durability);
        }
        keepAlive = factory.createConnection();
        return factory;
    }

    @Override
    public void stop() throws Exception {
        if (keepAlive != null) {
            keepAlive.close();
        }
    }
}
