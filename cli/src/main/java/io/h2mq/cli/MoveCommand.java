package io.h2mq.cli;

import io.h2mq.management.StoreAdmin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code h2mq move}: moves the waiting messages of a queue to another (created if need be). */
@Command(name = "move", description = "Moves the waiting messages of a queue to another queue (created if need "
        + "be).")
final class MoveCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "FROM", description = "The queue to take messages from.")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "The queue to put them on.")
    String to;

    @Option(names = "--selector", paramLabel = "SELECTOR", description = "Only messages this selector matches.")
    String selector;

    @Override
    void run() throws Exception {
        try (StoreAdmin admin = OpenStore.admin(store, true);
             Progress progress = Progress.of("move", 0)) {
            progress.advance(admin.move(from, to, selector, progress::advance));
            out.println(progress.summary("moved", "from queue " + from + " to queue " + to
                    + (selector == null ? "" : " matching " + selector)));
        }
    }
}
