package io.h2mq.cli;

import java.nio.file.Path;

import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code h2mq import}: sends the messages of an export file to a destination, in transactions of {@value #BATCH}.
 * Each keeps its body, properties, type, correlation ID, reply-to, priority and delivery mode; its expiration and
 * delivery time stay the same instants (a message whose expiration has passed is not sent, and is counted apart).
 * The provider gives each a new message ID and timestamp.
 */
@Command(name = "import", description = "Sends the messages of an export file to a queue, or to a topic named "
        + "topic:NAME.")
final class ImportCommand extends StoreCommand {
    static final int BATCH = 100;

    @Parameters(index = "0", paramLabel = "DESTINATION", converter = Target.Converter.class,
            description = "A queue name, or topic:NAME.")
    Target target;

    @Option(names = "--file", paramLabel = "FILE", required = true, description = "The file export wrote.")
    Path file;

    @Override
    void run() throws Exception {
        try (ExportReader reader = ExportReader.open(file);
             OpenStore open = OpenStore.open(store, false);
             Progress progress = Progress.of("import", 0)) {
            Session session = open.session(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(target.in(session));
            long sent = 0;
            long expired = 0;
            for (ExportReader.Exported m = reader.next(session); m != null; m = reader.next(session)) {
                long now = System.currentTimeMillis();
                if (m.expiration() != 0 && m.expiration() <= now) {
                    expired++;
                    continue;
                }
                producer.setDeliveryDelay(Math.max(0, m.deliveryTime() - now));
                producer.send(m.message(), m.deliveryMode(), m.priority(),
                        m.expiration() == 0 ? 0 : m.expiration() - now);
                sent++;
                if (sent % BATCH == 0) {
                    session.commit();
                }
                progress.advance(sent);
            }
            session.commit();
            out.println(progress.summary("imported", "to " + target + " from " + file)
                    + (expired > 0 ? "; " + expired + " expired, not sent" : ""));
        }
    }
}
