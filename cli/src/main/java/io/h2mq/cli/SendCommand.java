package io.h2mq.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code h2mq send}: sends test or given messages, at a set rate if asked, and says how fast it went. */
@Command(name = "send", description = "Sends messages to a queue, or to a topic named topic:NAME.")
final class SendCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "DESTINATION", converter = Target.Converter.class,
            description = "A queue name, or topic:NAME.")
    Target target;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1", description = "Messages to send (default 1).")
    long count;

    @ArgGroup(exclusive = true)
    Body body = new Body();

    static final class Body {
        @Option(names = "--text", paramLabel = "TEXT", description = "A TextMessage with this text.")
        String text;

        @Option(names = "--file", paramLabel = "FILE", description = "A BytesMessage with the bytes of this file.")
        Path file;

        @Option(names = "--size", paramLabel = "BYTES",
                description = "A BytesMessage of this many bytes. Without --text, --file or --size: a "
                        + "TextMessage \"message I of N\".")
        Integer size;
    }

    @ArgGroup(exclusive = true)
    Persistence persistence = new Persistence();

    static final class Persistence {
        @Option(names = "--persistent", description = "PERSISTENT delivery (the default).")
        boolean persistent;

        @Option(names = "--non-persistent", description = "NON_PERSISTENT delivery.")
        boolean nonPersistent;
    }

    @Option(names = "--property", paramLabel = "NAME[:TYPE]=VALUE", converter = PropertyArg.Converter.class,
            description = "A message property; TYPE is one of boolean, byte, short, int, long, float, double, "
                    + "string (the default). Repeatable.")
    List<PropertyArg> properties = new ArrayList<>();

    @Option(names = "--priority", paramLabel = "0-9", defaultValue = "4", description = "Priority (default 4).")
    int priority;

    @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "0", converter = Millis.class,
            description = "Time to live (e.g. 30s); 0, the default, for never.")
    long ttl;

    @Option(names = "--delay", paramLabel = "DURATION", defaultValue = "0", converter = Millis.class,
            description = "Delivery delay (e.g. 5s); default 0.")
    long delay;

    @Option(names = "--rate", paramLabel = "MSG/S", defaultValue = "0",
            description = "Messages per second; 0, the default, for as fast as possible.")
    double rate;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "0",
            description = "Send in transactions of N messages (faster for persistent messages); 0, the default, "
                    + "for no transaction.")
    int batch;

    @Override
    void run() throws Exception {
        Checks.atLeast("--count", count, 0);
        Checks.range("--priority", priority, 0, 9);
        Checks.atLeast("--batch", batch, 0);
        Checks.atLeast("--rate", rate, 0);
        byte[] bytes = bodyBytes();
        try (OpenStore open = OpenStore.open(store, false);
             Progress progress = Progress.of("send", count)) {
            Session session = open.session(batch > 0, batch > 0 ? Session.SESSION_TRANSACTED
                    : Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(target.in(session));
            producer.setDeliveryMode(persistence.nonPersistent ? DeliveryMode.NON_PERSISTENT : DeliveryMode.PERSISTENT);
            producer.setPriority(priority);
            producer.setTimeToLive(ttl);
            producer.setDeliveryDelay(delay);
            Pacer pacer = new Pacer(rate);
            for (long i = 0; i < count; i++) {
                pacer.await(i);
                producer.send(message(session, i, bytes));
                if (batch > 0 && (i + 1) % batch == 0) {
                    session.commit();
                }
                progress.advance(i + 1);
            }
            if (batch > 0) {
                session.commit();
            }
            out.println(progress.summary("sent", "to " + target));
        }
    }

    private byte[] bodyBytes() throws IOException {
        if (body.file != null) {
            return Files.readAllBytes(body.file);
        }
        if (body.size != null) {
            Checks.atLeast("--size", body.size, 0);
            byte[] bytes = new byte[body.size];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) ('a' + i % 26);
            }
            return bytes;
        }
        return null;
    }

    private Message message(Session session, long index, byte[] bytes) throws JMSException {
        Message message;
        if (bytes != null) {
            BytesMessage bytesMessage = session.createBytesMessage();
            bytesMessage.writeBytes(bytes);
            message = bytesMessage;
        } else {
            message = session.createTextMessage(body.text != null ? body.text
                    : "message " + (index + 1) + " of " + count);
        }
        for (PropertyArg property : properties) {
            property.applyTo(message);
        }
        return message;
    }
}
