package io.h2mq.cli;

import io.h2mq.management.StoreAdmin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code h2mq purge}: deletes the waiting messages of a queue (those being delivered stay). */
@Command(name = "purge", description = "Deletes the waiting messages of a queue (not those being delivered).")
final class PurgeCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue.")
    String queue;

    @Option(names = "--selector", paramLabel = "SELECTOR", description = "Only messages this selector matches.")
    String selector;

    @Override
    void run() throws Exception {
        try (StoreAdmin admin = OpenStore.admin(store, true);
             Progress progress = Progress.of("purge", 0)) {
            progress.advance(admin.purge(queue, selector, progress::advance));
            out.println(progress.summary("purged", "from queue " + queue
                    + (selector == null ? "" : " matching " + selector)));
        }
    }
}
