package io.h2mq.bench.provider;

import java.nio.file.Path;

import io.h2mq.H2mqConnectionFactory;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;

/**
 * h2mq on an embedded H2 file, with the provider's default durability (the URL sets nothing, so the store adds
 * {@code WRITE_DELAY=0}: a commit is written before it returns, nothing returned is lost on {@code kill -9}). H2 does
 * not force the file on commit (measured with strace: 7 fsyncs over 4,400 sends and receives), so a power loss can
 * still lose returned commits; the peers force by default, {@code peers.fsync=false} makes them match h2mq.
 *
 * <p>All connections of a JVM to one store share one engine, which closes with the last connection; one connection
 * is kept open for the provider's whole life so the workloads do not each reopen the database.
 */
public final class H2mqProvider implements Provider {
    private Connection keepAlive;

    @Override
    public String name() {
        return "h2mq";
    }

    @Override
    public String durability() {
        return "embedded H2 file, default settings (WRITE_DELAY=0: each commit written to the file before it "
                + "returns, not forced)";
    }

    @Override
    public ConnectionFactory start(Path dataDir) throws Exception {
        H2mqConnectionFactory factory = new H2mqConnectionFactory("jdbc:h2:file:" + dataDir.toAbsolutePath() + "/h2mq");
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
