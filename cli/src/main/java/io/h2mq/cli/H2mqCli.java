package io.h2mq.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

import io.h2mq.cli.Failures.Failure;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code h2mq} command: looks at and moves the messages of a store. Each subcommand opens the store named by
 * {@code --url} as one more node of it (see docs/operations.md for sharing an H2 file) and closes it when done.
 * Failures end the process with one line on stderr and an exit code that says which kind ({@link ExitCodes}).
 */
// INHERIT: every subcommand gets --help, the exit codes and the usage exit code too.
@Command(name = "h2mq", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = H2mqCli.Version.class,
        description = "Looks at and moves the messages of an h2mq store. See docs/cli.md.",
        subcommands = {StatCommand.class, BrowseCommand.class, SendCommand.class, ReceiveCommand.class,
                PurgeCommand.class, MoveCommand.class, RetryCommand.class, ExportCommand.class, ImportCommand.class,
                HelpCommand.class},
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done",
                "1:usage error: unknown command or option, bad option value, invalid selector",
                "2:the store cannot be opened: wrong URL, no store there, server down, wrong user or password",
                "3:the H2 database file is in use by another process (use ;AUTO_SERVER=TRUE or an H2 TCP "
                        + "server)",
                "4:no such queue in the store",
                "5:other messaging failure",
                "6:a --file cannot be read or written, or is not an h2mq export file"},
        footer = "%nThe password comes from --password (prompted for when given without a value) or from the "
                + "environment variable " + StoreOptions.PASSWORD_VARIABLE + ".")
public final class H2mqCli implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code. */
    static int execute(String... args) {
        // The provider logs through System.Logger (java.util.logging here): only what needs attention.
        Logger.getLogger("").setLevel(Level.WARNING);
        CommandLine commandLine = new CommandLine(new H2mqCli());
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        return commandLine.execute(args);
    }

    /** One line on stderr, password masked, and the exit code of the kind of failure. */
    static final class FailureHandler implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
            Failure failure = Failures.classify(e);
            String message = commandLine.getCommand() instanceof StoreCommand command
                    ? command.store.mask(failure.message()) : failure.message();
            commandLine.getErr().println("h2mq " + commandLine.getCommandName() + ": " + message);
            return failure.exitCode();
        }
    }

    /** The version the jar was built as. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = H2mqCli.class.getPackage().getImplementationVersion();
            return new String[] {"h2mq " + (version == null ? "(development build)" : version)};
        }
    }
}
