package io.h2mq.ra.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import io.h2mq.H2mqConnectionFactory;
import io.h2mq.H2mqXAConnectionFactory;
import io.h2mq.ra.it.recovery.HaltingXAResource;
import io.h2mq.ra.it.recovery.TransferServlet;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.XAConnection;

import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * WildFly's own transaction recovery completing an h2mq branch that a crash left prepared. A servlet moves one
 * message from TransferIn to TransferOut in a JTA transaction with a second participant that halts the server
 * process in the chosen phase. With the server down, the test opens the store itself and sees exactly one prepared
 * branch, the moved message on neither queue. Then it starts the server again (the rar and the application come
 * back from its configuration) and waits for the transaction manager's periodic recovery to complete the branch.
 *
 * <p>Runs on its own server ({@code arquillian-recovery.xml}, a failsafe execution of its own), with the server
 * state kept across the restarts (the transaction log is what recovery reads), Narayana's recovery scan every
 * few seconds instead of every two minutes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecoveryIT {
    private static final String SERVER = "wildfly-recovery";
    private static final Duration RECOVERY_PATIENCE = Duration.ofMinutes(3);

    @ArquillianResource
    private ContainerController server;
    @ArquillianResource
    private Deployer deployer;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(name = "recovery-rar", managed = false, testable = false, order = 1)
    @TargetsContainer(SERVER)
    static ResourceAdapterArchive rar() {
        return Deployments.recoveryRar();
    }

    @Deployment(name = "recovery-app", managed = false, testable = false, order = 2)
    @TargetsContainer(SERVER)
    static WebArchive app() {
        return ShrinkWrap.create(WebArchive.class, "h2mq-recovery-app.war")
                .addClasses(TransferServlet.class, HaltingXAResource.class, HaltingXAResource.Phase.class,
                        io.h2mq.ra.it.app.Destinations.class);
    }

    /**
     * Per test an empty store and a fresh copy of the distribution's standalone/, which every start of the server
     * within the test keeps using.
     */
    @BeforeEach
    void freshServerBaseAndStore() throws IOException {
        Path base = Path.of(System.getProperty("h2mq.it.recoveryServerBase"));
        Path pristine = Path.of(System.getProperty("jboss.home"), "standalone");
        deleteRecursively(base);
        deleteRecursively(Path.of(System.getProperty("h2mq.it.recoveryStore")));
        try (Stream<Path> files = Files.walk(pristine)) {
            for (Path source : files.toList()) {
                Files.copy(source, base.resolve(pristine.relativize(source).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /**
     * Stops a server a failed test left running (the next test needs the ports) and keeps the test's server log as
     * {@code target/recovery-server-logs/<test>.log}, since the next test starts from a fresh copy.
     */
    @AfterEach
    void stopServerAndKeepItsLog(TestInfo test) throws IOException {
        if (server.isStarted(SERVER)) {
            server.stop(SERVER);
        }
        Path base = Path.of(System.getProperty("h2mq.it.recoveryServerBase"));
        Path log = base.resolve("log").resolve("server.log");
        if (Files.exists(log)) {
            Path kept = base.resolveSibling("recovery-server-logs")
                    .resolve(test.getTestMethod().orElseThrow().getName() + ".log");
            Files.createDirectories(kept.getParent());
            Files.copy(log, kept, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> old = Files.walk(root)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void aBranchPreparedWhenTheServerDiedInCommitIsCommittedByRecovery() throws Exception {
        String body = "commit-" + UUID.randomUUID();
        crashWhileMoving(body, HaltingXAResource.Phase.COMMIT);

        server.start(SERVER);
        String moved = awaitMessage("out");
        assertEquals(body + " redelivered=false deliveryCount=1", moved,
                "the transfer's send became visible once recovery committed its branch");
        assertEquals(204, receive("in", 1000).statusCode(),
                "the transfer's receive was committed with it: the message is not on TransferIn again");
        undeployAndStop();

        assertEquals(List.of(), inDoubtBranches(), "recovery left no branch in doubt");
    }

    @Test
    void aBranchPreparedWhenTheServerDiedInPrepareIsRolledBackByRecovery() throws Exception {
        String body = "rollback-" + UUID.randomUUID();
        crashWhileMoving(body, HaltingXAResource.Phase.PREPARE);

        server.start(SERVER);
        String returned = awaitMessage("in");
        assertEquals(body + " redelivered=true deliveryCount=2", returned,
                "with no commit decision logged, recovery rolled the branch back: the message is on TransferIn again");
        assertEquals(204, receive("out", 1000).statusCode(), "the transfer's send was rolled back with it");
        undeployAndStop();

        assertEquals(List.of(), inDoubtBranches(), "recovery left no branch in doubt");
    }

    /** Seeds {@code body}, moves it with the server set to halt in {@code phase}, and checks what the crash left. */
    private void crashWhileMoving(String body, HaltingXAResource.Phase phase) throws Exception {
        server.start(SERVER);
        deployer.deploy("recovery-rar");
        deployer.deploy("recovery-app");
        assertEquals(204, post("op=seed&body=" + body).statusCode(), "seeding TransferIn");

        assertThrows(IOException.class, () -> post("op=move&haltIn=" + phase),
                "the server halts while the transfer's transaction is in " + phase);
        awaitServerProcessGone();
        server.stop(SERVER); // only forgets the dead process; a live one it would shut down

        assertEquals(1, inDoubtBranches().size(), "the crash left the h2mq branch prepared");
        try (JMSContext store = new H2mqConnectionFactory(Deployments.recoveryStoreUrl()).createContext()) {
            store.start();
            for (String queue : List.of("TransferIn", "TransferOut")) {
                try (JMSConsumer consumer = store.createConsumer(store.createQueue(queue))) {
                    assertNull(consumer.receiveNoWait(), "a prepared branch's message is on neither queue: " + queue);
                }
            }
        }
    }

    /**
     * The HTTP connection can break a moment before the halted process is gone; Arquillian's stop would then try to
     * shut the still-living server down through its management port, which no longer answers.
     */
    private static void awaitServerProcessGone() throws Exception {
        String marker = "-Djboss.server.base.dir=" + System.getProperty("h2mq.it.recoveryServerBase");
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(marker)).orElse(false)).toList();
        for (ProcessHandle halted : servers) {
            halted.onExit().get(1, TimeUnit.MINUTES);
        }
    }

    /** The branches the store holds prepared, asked of the store directly while the server is down. */
    private static List<Xid> inDoubtBranches() throws Exception {
        XAConnection connection = new H2mqXAConnectionFactory(Deployments.recoveryStoreUrl()).createXAConnection();
        try {
            XAResource resource = connection.createXASession().getXAResource();
            return List.of(resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN));
        } finally {
            connection.close();
        }
    }

    private String awaitMessage(String from) {
        String[] last = {"nothing yet"};
        Await.until("a message on Transfer" + from + " once recovery has run", RECOVERY_PATIENCE, () -> {
            try {
                HttpResponse<String> response = receive(from, 2000);
                last[0] = response.statusCode() + " " + response.body();
                return response.statusCode() == 200;
            } catch (UncheckedIOException e) {
                last[0] = e.getCause().toString();
                return false;
            }
        }, () -> last[0]);
        return last[0].substring("200 ".length());
    }

    private void undeployAndStop() {
        deployer.undeploy("recovery-app");
        deployer.undeploy("recovery-rar");
        server.stop(SERVER);
    }

    private HttpResponse<String> post(String query) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(query)).POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> receive(String from, long timeoutMillis) {
        try {
            return http.send(HttpRequest.newBuilder(uri("op=receive&from=" + from + "&timeout=" + timeoutMillis))
                    .timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(String query) {
        return URI.create("http://127.0.0.1:" + Deployments.httpPort() + "/h2mq-recovery-app/transfer?" + query);
    }
}
