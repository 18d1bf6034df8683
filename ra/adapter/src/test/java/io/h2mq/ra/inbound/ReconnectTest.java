package io.h2mq.ra.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.h2mq.H2mqQueue;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store behind an H2 TCP server that is stopped and started again on the same port. HikariCP waits 30 s for a
 * connection by default before the provider sees a failure; this test shortens that through HikariCP's own
 * {@code hikaricp.configurationFile} system property, for the pools opened while it runs.
 */
@Timeout(120)
class ReconnectTest {
    private static final H2mqQueue ORDERS = new H2mqQueue("orders");
    private static final Logger ACTIVATION_LOG = Logger.getLogger(Activation.class.getName());

    @TempDir
    Path dir;
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
            Waits.changed();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level levelBefore;

    @BeforeEach
    void captureActivationLog() throws IOException {
        levelBefore = ACTIVATION_LOG.getLevel();
        ACTIVATION_LOG.setLevel(Level.FINE);
        ACTIVATION_LOG.addHandler(capture);
        Path hikari = Files.writeString(dir.resolve("hikari.properties"), "connectionTimeout=1000\n");
        System.setProperty("hikaricp.configurationFile", hikari.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("hikaricp.configurationFile");
        ACTIVATION_LOG.removeHandler(capture);
        ACTIVATION_LOG.setLevel(levelBefore);
    }

    @Test
    void deliveryResumesWhenTheStoreIsReachableAgainAfterOneWarning() throws Exception {
        int port = freePort();
        Server server = startServer(port);
        TestStore store = new TestStore("jdbc:h2:tcp://localhost:" + port + "/h2mq");
        ThreadPoolWorkManager workManager = new ThreadPoolWorkManager();
        Activations activations = new Activations(workManager, store.adapterSettings(), null);
        RecordingEndpointFactory bean = RecordingEndpointFactory.accepting(true);
        H2mqActivationSpec spec = QueueActivationTest.queueSpec(2);
        spec.setReconnectInterval(200L);
        try {
            activations.activate(bean, spec);
            store.send(ORDERS, "before");
            Waits.waitFor(() -> bean.commits.get() == 1);

            server.stop();
            // The outage is reported once, then the attempts that fail while the server is down are only traced.
            Waits.waitFor(() -> count(Level.WARNING) == 1 && count(Level.FINE) >= 2);
            server = startServer(port);
            Waits.waitFor(() -> count(Level.INFO) >= 1);   // reconnected
            store.send(ORDERS, "after");
            Waits.waitFor(() -> bean.receivedCount() == 2);
            // Each session creates its endpoint when its delivery thread first runs: two before, two after.
            Waits.waitFor(() -> bean.created.get() == 4);

            assertEquals(List.of("before", "after"), bean.received().stream().map(Received::text).toList());
            assertEquals(1, count(Level.WARNING), "one warning for the outage: " + messages());
            assertEquals(bean.created.get() - 2, bean.released.get(), "the broken sessions' endpoints released");
        } finally {
            activations.stopAll();
            workManager.close();
            server.stop();
        }
        assertEquals(bean.created.get(), bean.released.get());
    }

    private long count(Level level) {
        return logged.stream().filter(r -> r.getLevel() == level).count();
    }

    private List<String> messages() {
        return logged.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList();
    }

    private Server startServer(int port) throws SQLException {
        return Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", dir.toString(), "-ifNotExists")
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
