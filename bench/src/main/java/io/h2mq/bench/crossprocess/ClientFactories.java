package io.h2mq.bench.crossprocess;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import io.h2mq.H2mqConnectionFactory;

import jakarta.jms.ConnectionFactory;

/**
 * The connection factory a client process builds from the spec its {@link Host} handed out, passed on the command
 * line: {@code h2mq|<JDBC URL>} or {@code artemis|<broker URL>}.
 */
final class ClientFactories {
    private ClientFactories() {
    }

    static String h2mq(String jdbcUrl) {
        return "h2mq|" + jdbcUrl;
    }

    static String artemis(String brokerUrl) {
        return "artemis|" + brokerUrl;
    }

    static ConnectionFactory create(String spec) {
        int bar = spec.indexOf('|');
        String kind = spec.substring(0, bar);
        String url = spec.substring(bar + 1);
        return switch (kind) {
            case "h2mq" -> new H2mqConnectionFactory(url);
            case "artemis" -> {
                ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
                factory.setBlockOnDurableSend(true);
                yield factory;
            }
            default -> throw new IllegalArgumentException("unknown client kind '" + kind + "' in " + spec);
        };
    }
}
