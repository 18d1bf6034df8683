package io.h2mq.cli;

import java.util.ArrayList;
import java.util.List;

import io.h2mq.management.DestinationStatistics;
import io.h2mq.management.StoreAdmin;

import picocli.CommandLine.Command;

/**
 * {@code h2mq stat}: one line per queue and per topic subscription, from the store's counters (no message is read,
 * so it is cheap on a deep queue).
 */
@Command(name = "stat", description = "Prints one line per queue and topic subscription: depth, in flight, "
        + "consumers, age of the oldest message.")
final class StatCommand extends StoreCommand {
    private static final String[] HEADINGS = {"KIND", "DESTINATION", "SUBSCRIPTION", "DEPTH", "IN-FLIGHT",
            "CONSUMERS", "OLDEST"};

    @Override
    void run() throws Exception {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        long now = System.currentTimeMillis();
        try (StoreAdmin admin = OpenStore.admin(store, true)) {
            for (DestinationStatistics s : admin.statistics()) {
                rows.add(new String[] {s.kind(), s.destination(), subscription(s), Long.toString(s.depth()),
                        Long.toString(s.inFlight()), Integer.toString(s.consumers()),
                        Ages.since(s.oldestMessageTimestamp(), now)});
            }
        }
        new Table(rows, 3).print(out);
    }

    private static String subscription(DestinationStatistics s) {
        if (s.subscription() == null) {
            return "-";
        }
        return s.clientId() == null ? s.subscription() : s.clientId() + ":" + s.subscription();
    }
}
