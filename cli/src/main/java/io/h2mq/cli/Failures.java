package io.h2mq.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;

/**
 * Turns what a command threw into an exit code and one line for the user. The kind of failure is read from the
 * exception types and the cause chain (an H2 error code), never from message text, so that it does not change with
 * the driver's wording or language.
 */
final class Failures {
    /** H2's {@code ErrorCode.DATABASE_ALREADY_OPEN_1}: the file is held open by another process. */
    static final int H2_DATABASE_ALREADY_OPEN = 90020;
    /** H2's {@code ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1}: no database file at the path. */
    static final int H2_DATABASE_NOT_FOUND = 90146;

    private Failures() {
    }

    /** An exit code and the line that says why. */
    record Failure(int exitCode, String message) {
    }

    static Failure classify(Throwable e) {
        if (isDatabaseLocked(e)) {
            String url = e instanceof StoreUnreachableException unreachable ? unreachable.url() : "the store";
            return new Failure(ExitCodes.DATABASE_LOCKED, "the database of " + url + " is in use by another "
                    + "process; to share it, every process must open it with ;AUTO_SERVER=TRUE or through an H2 "
                    + "TCP server (see docs/operations.md)");
        }
        if (e instanceof StoreUnreachableException unreachable) {
            return new Failure(ExitCodes.STORE_UNREACHABLE, hasH2Error(e, H2_DATABASE_NOT_FOUND)
                    ? "there is no store at " + unreachable.url() + " (no H2 database file there; send or import "
                            + "create one)"
                    : e.getMessage());
        }
        if (e instanceof InvalidDestinationException) {
            return new Failure(ExitCodes.NO_SUCH_DESTINATION, e.getMessage());
        }
        if (e instanceof Checks.UsageError) {
            return new Failure(ExitCodes.USAGE, e.getMessage());
        }
        if (e instanceof InvalidSelectorException) {
            return new Failure(ExitCodes.USAGE, "invalid selector: " + e.getMessage());
        }
        if (e instanceof NoSuchFileException missing) {
            return new Failure(ExitCodes.FILE_ERROR, "no such file: " + missing.getFile());
        }
        if (e instanceof AccessDeniedException denied) {
            return new Failure(ExitCodes.FILE_ERROR, "permission denied: " + denied.getFile());
        }
        if (e instanceof IOException) {
            return new Failure(ExitCodes.FILE_ERROR, describe(e));
        }
        if (e instanceof JMSException || e instanceof JMSRuntimeException) {
            return new Failure(ExitCodes.JMS_FAILURE, describe(e));
        }
        return new Failure(ExitCodes.JMS_FAILURE, "unexpected failure: " + e);
    }

    static boolean isDatabaseLocked(Throwable e) {
        return hasH2Error(e, H2_DATABASE_ALREADY_OPEN);
    }

    private static boolean hasH2Error(Throwable e, int errorCode) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == errorCode) {
                return true;
            }
        }
        return false;
    }

    /** The message of the innermost cause, first line only (H2 adds lines of advice). */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return firstLine(t.getMessage() == null ? t.toString() : t.getMessage());
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : firstLine(e.getMessage());
        String root = rootMessage(e);
        return message.contains(root) ? message : message + ": " + root;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
