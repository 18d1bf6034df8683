package io.h2mq.bench.crossprocess;

import java.nio.file.Path;

import org.h2.tools.Server;

/**
 * h2mq on H2 in server mode: an H2 TCP server in the bench's JVM, the client processes connecting with
 * {@code jdbc:h2:tcp://localhost:PORT/...}. Durability is h2mq's default ({@code PROCESS_CRASH}: each group commit
 * written before it returns, not forced).
 */
final class H2ServerHost implements Host {
    private Server server;

    @Override
    public String name() {
        return "h2mq H2 server";
    }

    @Override
    public String description() {
        return "h2mq on H2 " + org.h2.engine.Constants.FULL_VERSION + " in server mode (TCP server in the bench JVM),"
                + " default durability PROCESS_CRASH";
    }

    @Override
    public String start(Path dataDir) throws Exception {
        server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", dataDir.toAbsolutePath()
                .toString()).start();
        return ClientFactories.h2mq("jdbc:h2:tcp://localhost:" + server.getPort() + "/latency");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
