package io.h2mq.bench.crossprocess;

import java.net.ServerSocket;
import java.nio.file.Path;

import io.h2mq.bench.provider.ArtemisProvider;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * The peer: an ActiveMQ Artemis broker in the bench's JVM, its journal configured as in the in-process bench
 * ({@code io.h2mq.bench.provider.ArtemisProvider}: NIO file journal, synced, {@code journal-datasync} as
 * {@code peers.fsync}), reached by the client processes over its Netty TCP acceptor on 127.0.0.1. The clients block
 * on durable sends and acknowledge asynchronously (the client's defaults).
 */
final class ArtemisTcpHost implements Host {
    private final boolean fsync;
    private EmbeddedActiveMQ server;

    ArtemisTcpHost(boolean fsync) {
        this.fsync = fsync;
    }

    @Override
    public String name() {
        return "Artemis";
    }

    @Override
    public String description() {
        return "ActiveMQ Artemis broker in the bench JVM, Netty TCP acceptor on 127.0.0.1, NIO journal, "
                + "journal-sync-transactional=true, journal-sync-non-transactional=true, journal-datasync=" + fsync
                + ", blockOnDurableSend=true, asynchronous acknowledgements";
    }

    @Override
    public String start(Path dataDir) throws Exception {
        Path dir = dataDir.toAbsolutePath();
        int port = freePort();
        Configuration config = ArtemisProvider.journalled(dir, fsync)
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
        server = new EmbeddedActiveMQ();
        server.setConfiguration(config);
        server.start();
        return ClientFactories.artemis("tcp://127.0.0.1:" + port);
    }

    @Override
    public void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
