package io.h2mq.cli;

import java.util.Enumeration;

import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code h2mq browse}: prints the messages of a queue without consuming them, in delivery order. */
@Command(name = "browse", description = "Prints the messages of a queue, in delivery order, without consuming them.")
final class BrowseCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue.")
    String queue;

    @Option(names = "--selector", paramLabel = "SELECTOR", description = "Only messages this selector matches.")
    String selector;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Print at most N messages; 0, the default, for all.")
    long limit;

    @Override
    void run() throws Exception {
        Checks.atLeast("--limit", limit, 0);
        try (OpenStore open = OpenStore.open(store, true)) {
            open.requireQueue(queue);
            Session session = open.session(false, Session.AUTO_ACKNOWLEDGE);
            MessagePrinter printer = new MessagePrinter(out);
            long shown = 0;
            try (QueueBrowser browser = session.createBrowser(session.createQueue(queue), selector)) {
                Enumeration<?> messages = browser.getEnumeration();
                while (messages.hasMoreElements() && (limit == 0 || shown < limit)) {
                    printer.print((Message) messages.nextElement());
                    shown++;
                }
            }
            out.println(shown + " message" + (shown == 1 ? "" : "s") + " in queue " + queue
                    + (selector == null ? "" : " matching " + selector)
                    + (limit > 0 && shown == limit ? " (--limit reached)" : ""));
        }
    }
}
