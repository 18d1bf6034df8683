package io.h2mq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailuresIT {
    private static final String PASSWORD = "Zq7-secret-pw";
    private static final String WRONG_PASSWORD = "Wr0ng-secret-pw";

    @TempDir
    Path dir;

    @Test
    void aUrlThatIsNoStoreExitsWithStoreUnreachable() throws Exception {
        Launcher h2mq = new Launcher(dir);

        Launcher.Result result = h2mq.runExactly(Launcher.SCRIPT, Map.of(), null,
                "browse", "orders", "--url", "jdbc:nosuch:store");

        assertEquals(ExitCodes.STORE_UNREACHABLE, result.exitCode(), result.all());
        assertEquals("h2mq browse: cannot open the store at jdbc:nosuch:store: unsupported store URL "
                + "'jdbc:nosuch:store': h2mq supports jdbc:h2: and jdbc:postgresql: URLs\n", result.err());
        assertEquals("", result.out());
    }

    @Test
    void readingAStoreThatDoesNotExistFailsWithoutCreatingOne() throws Exception {
        Launcher h2mq = new Launcher(dir);

        Launcher.Result result = h2mq.run("browse", "orders");

        assertEquals(ExitCodes.STORE_UNREACHABLE, result.exitCode(), result.all());
        assertEquals("h2mq browse: there is no store at " + h2mq.url() + " (no H2 database file there; send or "
                + "import create one)\n", result.err());
        assertFalse(Files.exists(dir.resolve("store")), "the store's directory");
    }

    @Test
    void aDatabaseFileHeldByAnotherProcessExitsWithDatabaseLocked() throws Exception {
        Launcher h2mq = new Launcher(dir);
        try (Connection held = DriverManager.getConnection(h2mq.url())) {
            Launcher.Result result = h2mq.run("send", "orders");

            assertEquals(ExitCodes.DATABASE_LOCKED, result.exitCode(), result.all());
            assertTrue(result.err().startsWith("h2mq send: the database of " + h2mq.url() + " is in use by another "
                    + "process"), result.err());
            assertTrue(result.err().contains("AUTO_SERVER=TRUE"), result.err());
            assertFalse(held.isClosed());
        }
    }

    @Test
    void aPasswordNeverAppearsInOutputHelpOrErrors() throws Exception {
        Launcher h2mq = new Launcher(dir);
        Launcher.Result created = h2mq.run("send", "orders", "--user", "admin", "--password=" + PASSWORD);
        assertEquals(0, created.exitCode(), created.all());

        Launcher.Result wrong = h2mq.run("send", "orders", "--user", "admin", "--password=" + WRONG_PASSWORD);
        assertEquals(ExitCodes.STORE_UNREACHABLE, wrong.exitCode(), wrong.all());
        assertTrue(wrong.err().contains("Wrong user name or password"), wrong.err());

        Launcher.Result fromEnvironment = h2mq.runExactly(Launcher.SCRIPT,
                Map.of(StoreOptions.PASSWORD_VARIABLE, PASSWORD), null,
                "receive", "orders", "--user", "admin", "--print", "--url=" + h2mq.url());
        assertTrue(fromEnvironment.out().startsWith("ID:"), fromEnvironment.all());
        Launcher.Result help = h2mq.runExactly(Launcher.SCRIPT, Map.of(StoreOptions.PASSWORD_VARIABLE, PASSWORD),
                null, "send", "--help");
        assertEquals(0, help.exitCode(), help.all());
        assertTrue(help.out().contains("--password"), help.out());
        Launcher.Result prompted = h2mq.runExactly(Launcher.SCRIPT, Map.of(), PASSWORD + "\n",
                "send", "orders", "--user", "admin", "--url=" + h2mq.url(), "--password");
        assertEquals(0, prompted.exitCode(), prompted.all());

        for (Launcher.Result result : new Launcher.Result[] {created, wrong, fromEnvironment, help, prompted}) {
            assertFalse(result.all().contains(PASSWORD), result.all());
            assertFalse(result.all().contains(WRONG_PASSWORD), result.all());
        }
    }

    @Test
    void unknownOptionsAreUsageErrors() throws Exception {
        Launcher.Result result = new Launcher(dir).run("send", "orders", "--colour", "blue");

        assertEquals(ExitCodes.USAGE, result.exitCode(), result.all());
        assertTrue(result.err().contains("Unknown options: '--colour', 'blue'"), result.err());
    }

    @Test
    void theLauncherSaysHowToBuildTheJarWhenItIsMissing() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("checkout/cli/bin"));
        Path script = Files.copy(Launcher.SCRIPT, bin.resolve("h2mq"));

        Launcher.Result result = new Launcher(dir).runExactly(script, Map.of(), null, "--help");

        assertEquals(127, result.exitCode(), result.all());
        Path checkout = dir.toRealPath().resolve("checkout");
        assertEquals("h2mq: " + checkout.resolve("cli/target/h2mq-cli.jar") + " is not built yet; build it from "
                + checkout + " with: ./mvnw -B -q -pl cli -am package -DskipTests\n", result.err());
    }
}
