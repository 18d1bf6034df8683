package io.h2mq.cli;

/**
 * The exit codes of the {@code h2mq} command, one per kind of failure so that scripts can tell a store that is
 * down from one that is busy or a queue that is missing. Listed in {@code h2mq --help} and {@code docs/cli.md}: the
 * numbers are part of the tool's interface, never renumber one.
 */
final class ExitCodes {
    static final int OK = 0;
    /** Unknown command or option, a bad option value, an invalid selector (picocli's usage errors). */
    static final int USAGE = 1;
    /** The store cannot be opened: wrong URL, no such server, wrong user or password. */
    static final int STORE_UNREACHABLE = 2;
    /** An embedded H2 file that another process holds open. */
    static final int DATABASE_LOCKED = 3;
    /** The store has no queue of that name. */
    static final int NO_SUCH_DESTINATION = 4;
    /** Any other messaging failure. */
    static final int JMS_FAILURE = 5;
    /** A file given with {@code --file} cannot be read or written, or is not an h2mq export file. */
    static final int FILE_ERROR = 6;

    private ExitCodes() {
    }
}
