package io.h2mq.cli;

import io.h2mq.H2mqOptions;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code h2mq receive}: consumes messages from a queue and acknowledges them. Acknowledges every
 * {@value #ACK_EVERY} messages and at the end (client acknowledgement), so a failure part way leaves at most that
 * many to come back.
 */
@Command(name = "receive", description = "Receives messages from a queue and acknowledges them.")
final class ReceiveCommand extends StoreCommand {
    static final int ACK_EVERY = 100;

    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue.")
    String queue;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0",
            description = "Messages to receive; 0, the default, for all that come before --timeout.")
    long count;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "1s", converter = Millis.class,
            description = "Stop when no message comes for this long (default 1s).")
    long timeout;

    @Option(names = "--rate", paramLabel = "MSG/S", defaultValue = "0",
            description = "Messages per second at most; 0, the default, for as fast as possible.")
    double rate;

    @Option(names = "--selector", paramLabel = "SELECTOR", description = "Only messages this selector matches.")
    String selector;

    @Option(names = "--print", description = "Print each message: headers, properties, a preview of the body.")
    boolean print;

    @Override
    void run() throws Exception {
        Checks.atLeast("--count", count, 0);
        Checks.atLeast("--timeout", timeout, 1);
        Checks.atLeast("--rate", rate, 0);
        H2mqOptions options = store.toOptions(true);
        if (count > 0) {
            // Claim no more than will be taken, so that other consumers can have the rest meanwhile.
            options.setPrefetch((int) Math.min(count, H2mqOptions.DEFAULT_PREFETCH));
        }
        try (OpenStore open = OpenStore.open(store, options);
             Progress progress = Progress.of("receive", count)) {
            open.requireQueue(queue);
            Session session = open.session(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selector);
            MessagePrinter printer = new MessagePrinter(out);
            Pacer pacer = new Pacer(rate);
            long received = 0;
            Message last = null;
            while (count == 0 || received < count) {
                pacer.await(received);
                Message message = consumer.receive(timeout);
                if (message == null) {
                    break;
                }
                last = message;
                received++;
                if (print) {
                    printer.print(message);
                }
                if (received % ACK_EVERY == 0) {
                    message.acknowledge();
                }
                progress.advance(received);
            }
            if (last != null) {
                last.acknowledge();
            }
            out.println(progress.summary("received", "from queue " + queue));
        }
    }
}
