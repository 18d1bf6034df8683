package io.h2mq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;

import org.junit.jupiter.api.Test;

class FailuresTest {
    @Test
    void aLockedH2FileIsToldByItsErrorCodeDeepInTheCauseChain() {
        SQLException h2 = new SQLNonTransientConnectionException("Database may be already in use\nPossible "
                + "solutions: ...", "90020", Failures.H2_DATABASE_ALREADY_OPEN);
        RuntimeException pool = new RuntimeException("Failed to initialize pool", h2);
        JMSException jms = new JMSException("opening the store failed");
        jms.initCause(pool);

        Failures.Failure failure = Failures.classify(new StoreUnreachableException("jdbc:h2:file:/x", jms));

        assertEquals(ExitCodes.DATABASE_LOCKED, failure.exitCode());
        assertTrue(failure.message().startsWith("the database of jdbc:h2:file:/x is in use by another process"),
                failure.message());
    }

    @Test
    void anUnreachableStoreSaysTheUrlAndTheFirstLineOfTheRootCause() {
        SQLException refused = new SQLException("Connection refused\nmore detail", "08001", 0);

        Failures.Failure failure = Failures.classify(new StoreUnreachableException("jdbc:postgresql://h/db",
                new RuntimeException("pool", refused)));

        assertEquals(ExitCodes.STORE_UNREACHABLE, failure.exitCode());
        assertEquals("cannot open the store at jdbc:postgresql://h/db: Connection refused", failure.message());
    }

    @Test
    void eachKindOfFailureHasItsExitCode() {
        assertEquals(ExitCodes.NO_SUCH_DESTINATION,
                Failures.classify(new InvalidDestinationException("no queue 'x'")).exitCode());
        assertEquals(ExitCodes.USAGE, Failures.classify(new Checks.UsageError("--count")).exitCode());
        assertEquals(ExitCodes.FILE_ERROR, Failures.classify(new ExportFileException("cut short")).exitCode());
        assertEquals(ExitCodes.JMS_FAILURE, Failures.classify(new JMSException("failed")).exitCode());
    }

    @Test
    void thePasswordIsMaskedInMessages() {
        StoreOptions options = new StoreOptions();
        options.password = "s3cret".toCharArray();

        assertEquals("user sa with **** refused", options.mask("user sa with s3cret refused"));
    }

    @Test
    void messagesShowTheUrlAsGivenWithoutTheIfExistsTheToolAdds() throws Exception {
        StoreOptions options = new StoreOptions();
        options.url = "jdbc:h2:file:./data/h2mq";

        String opened = options.toOptions(true).getUrl();

        assertEquals("jdbc:h2:file:./data/h2mq;IFEXISTS=TRUE", opened);
        assertEquals("the store at jdbc:h2:file:./data/h2mq has no queue x",
                options.mask("the store at " + opened + " has no queue x"));
        assertEquals("jdbc:h2:file:./data/h2mq", options.toOptions(false).getUrl());
    }
}
