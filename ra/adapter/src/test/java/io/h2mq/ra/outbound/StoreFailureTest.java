package io.h2mq.ra.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.resource.spi.ConnectionEvent;

import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class StoreFailureTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void connectionWhoseStoreFailsIsReportedToThePoolAndValidatedAsInvalid() throws Exception {
        Server server = Server.createTcpServer("-tcpPort", "0", "-baseDir", dir.toString(), "-ifNotExists").start();
        H2mqManagedConnectionFactory mcf = new H2mqManagedConnectionFactory();
        mcf.setUrl("jdbc:h2:tcp://localhost:" + server.getPort() + "/h2mq");
        PoolingConnectionManager pool = new PoolingConnectionManager();
        ConnectionFactory factory = (ConnectionFactory) mcf.createConnectionFactory(pool);
        try (Connection c = factory.createConnection()) {
            c.createSession();
            H2mqManagedConnection mc = (H2mqManagedConnection) pool.created.get(0);
            assertTrue(mcf.getInvalidConnections(Set.of(mc)).isEmpty());

            server.stop();
            long deadline = System.nanoTime() + 100_000_000_000L;
            while (errorEvents(pool) == 0 && System.nanoTime() < deadline) {
                synchronized (pool) {
                    pool.wait(50);
                }
            }
            assertEquals(1, errorEvents(pool), "the pool hears that the connection's store failed");
            assertFalse(mc.isUsable());
            assertEquals(Set.of(mc), mcf.getInvalidConnections(Set.of(mc)));
        } finally {
            server.stop();
        }
    }

    private static long errorEvents(PoolingConnectionManager pool) {
        synchronized (pool) {
            return pool.events.stream().filter(e -> e.getId() == ConnectionEvent.CONNECTION_ERROR_OCCURRED).count();
        }
    }
}
