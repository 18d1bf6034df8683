package io.h2mq.cli;

import io.h2mq.management.StoreAdmin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code h2mq retry}: sends the messages of a dead-letter queue back to the queue each came from (its
 * {@code H2MQ_ORIGINAL_DESTINATION}); messages that name none, or a topic, stay.
 */
@Command(name = "retry", description = "Sends the messages of a dead-letter queue back to the queue each came "
        + "from (H2MQ_ORIGINAL_DESTINATION).")
final class RetryCommand extends StoreCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DEAD-LETTER-QUEUE", defaultValue = "DLQ",
            description = "The dead-letter queue (default: ${DEFAULT-VALUE}, the provider's default).")
    String deadLetterQueue;

    @Override
    void run() throws Exception {
        try (StoreAdmin admin = OpenStore.admin(store, true);
             Progress progress = Progress.of("retry", 0)) {
            progress.advance(admin.retryDeadLetters(deadLetterQueue, progress::advance));
            out.println(progress.summary("retried", "from queue " + deadLetterQueue));
        }
    }
}
