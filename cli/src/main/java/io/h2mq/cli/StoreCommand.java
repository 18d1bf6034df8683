package io.h2mq.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;

/**
 * What every command has: the options that reach the store, and stdout for its result (progress goes to stderr).
 * A command returns {@link ExitCodes#OK} or throws; {@link H2mqCli} turns what it throws into an exit code.
 */
abstract class StoreCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    final PrintStream out = System.out;

    @Override
    public final Integer call() throws Exception {
        run();
        out.flush();
        return ExitCodes.OK;
    }

    abstract void run() throws Exception;
}
