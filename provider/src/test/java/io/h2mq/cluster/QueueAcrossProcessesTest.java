package io.h2mq.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.testing.PostgresServer;

/**
 * Several processes on one store, as users run them: three consumer processes and two producer processes share a
 * queue of 100,000 PERSISTENT messages (fewer in a normal build, see {@link #MESSAGES}); one consumer is killed with SIGKILL about halfway, in the middle of a batch
 * of acknowledgements. A dead node's claims last the lease time (short here, so that the test does not wait 30 s), and
 * then its messages go to the survivors. Checked: nothing is lost; a message is delivered twice only when the killed
 * consumer had received it and its acknowledgement had not returned; every such second delivery is marked
 * JMSRedelivered. Run on each store several processes can share: H2 in server mode (a TCP server in this JVM) and
 * PostgreSQL.
 *
 * <p>Each run prints its figures (elapsed time, throughput, duplicates, how long the dead node's messages took to come
 * back); they are reported, never asserted.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
class QueueAcrossProcessesTest {
    /** 100,000 in the full run; the normal build sets fewer ({@code cluster.messages} in the provider's pom). */
    private static final int MESSAGES = Integer.getInteger("h2mq.cluster.messages", 100_000);
    private static final int CONSUMERS = 3;
    private static final int PRODUCERS = 2;
    private static final int PRODUCER_THREADS = 4;
    private static final int ACK_BATCH = 10;
    private static final long LEASE_TIME = 3_000;
    private static final int PREFETCH = 100;

    @TempDir
    Path dir;

    @Test
    void h2ServerModeLosesNothingWhenAConsumerProcessIsKilled() throws Exception {
        Server server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", dir.toString()).start();
        try {
            runAndCheck("H2 server mode", "jdbc:h2:tcp://localhost:" + server.getPort() + "/cluster");
        } finally {
            server.stop();
        }
    }

    @Test
    void postgresqlLosesNothingWhenAConsumerProcessIsKilled() throws Exception {
        runAndCheck("PostgreSQL", PostgresServer.shared().newDatabaseUrl());
    }

    private void runAndCheck(String store, String url) throws Exception {
        try (KillOneConsumerRun run = new KillOneConsumerRun(dir, url, MESSAGES, LEASE_TIME, PREFETCH)) {
            KillOneConsumerRun.Figures figures = run.run(CONSUMERS, PRODUCERS, PRODUCER_THREADS, ACK_BATCH);
            System.out.println("[" + getClass().getSimpleName() + "] " + store + ": " + figures);
            Ledger ledger = run.ledger();
            assertEquals(List.of(), first(ledger.unacknowledged().boxed().toList()), "no message is lost");
            assertEquals(List.of(), first(ledger.forbiddenDuplicates().boxed().toList()),
                    "only what the killed consumer received and did not acknowledge is delivered twice, once more");
            assertEquals(List.of(), first(ledger.unmarkedSecondDeliveries().boxed().toList()),
                    "what the killed consumer held comes back marked JMSRedelivered");
            assertTrue(figures.victimHeld() >= 1, "the victim was killed holding unacknowledged messages");
            List<Integer> unseen = ledger.redeliveredUnseenByVictim().boxed().toList();
            assertTrue(unseen.size() <= PREFETCH, "only what the killed node had claimed (at most its prefetch, "
                    + PREFETCH + ") comes back redelivered unannounced: " + unseen.size() + " " + first(unseen));
        }
    }

    private static List<Integer> first(List<Integer> ids) {
        return ids.size() <= 20 ? ids : ids.subList(0, 20);
    }
}
