package io.h2mq.cli;

import java.nio.file.Path;
import java.util.Enumeration;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code h2mq export}: writes the messages of a queue to a file ({@link ExportFormat}). Without {@code --remove} it
 * browses; with it, it consumes in transactions of {@value #BATCH} messages and commits each only after the file
 * holds them on disk, so a failure part way loses nothing (it may leave a batch both in the file and in the queue).
 */
@Command(name = "export", description = "Writes the messages of a queue to a file that import reads back.")
final class ExportCommand extends StoreCommand {
    static final int BATCH = 100;

    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue.")
    String queue;

    @Option(names = "--file", paramLabel = "FILE", required = true, description = "The file to write (replaced).")
    Path file;

    @Option(names = "--selector", paramLabel = "SELECTOR", description = "Only messages this selector matches.")
    String selector;

    @Option(names = "--remove", description = "Remove the exported messages from the queue.")
    boolean remove;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "1s", converter = Millis.class,
            description = "With --remove: stop when no message comes for this long (default 1s).")
    long timeout;

    @Override
    void run() throws Exception {
        Checks.atLeast("--timeout", timeout, 1);
        try (OpenStore open = OpenStore.open(store, true);
             Progress progress = Progress.of("export", 0)) {
            open.requireQueue(queue);
            try (ExportWriter writer = ExportWriter.create(file)) {
                if (remove) {
                    consume(open, writer, progress);
                } else {
                    browse(open, writer, progress);
                }
                writer.finish();
            }
            out.println(progress.summary("exported", "of queue " + queue + " to " + file
                    + (remove ? " and removed them" : "")));
        }
    }

    private void browse(OpenStore open, ExportWriter writer, Progress progress) throws Exception {
        Session session = open.session(false, Session.AUTO_ACKNOWLEDGE);
        try (QueueBrowser browser = session.createBrowser(session.createQueue(queue), selector)) {
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                writer.write((Message) messages.nextElement());
                progress.advance(writer.count());
            }
        }
    }

    private void consume(OpenStore open, ExportWriter writer, Progress progress) throws Exception {
        Session session = open.session(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selector);
        for (Message message = consumer.receive(timeout); message != null; message = consumer.receive(timeout)) {
            writer.write(message);
            progress.advance(writer.count());
            if (writer.count() % BATCH == 0) {
                writer.sync();
                session.commit();
            }
        }
        writer.sync();
        session.commit();
    }
}
