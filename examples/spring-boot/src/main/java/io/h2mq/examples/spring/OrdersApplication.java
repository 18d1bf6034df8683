package io.h2mq.examples.spring;

import java.time.Duration;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jms.connection.CachingConnectionFactory;

import io.h2mq.H2mqConnectionFactory;

import jakarta.jms.ConnectionFactory;

/**
 * Spring Boot on h2mq. The one h2mq-specific line is the {@link ConnectionFactory} bean; from it Spring Boot's JMS
 * auto-configuration makes the {@code JmsTemplate} that {@link OrderSender} sends {@value #ORDERS} orders with, and
 * the {@code DefaultJmsListenerContainerFactory} whose {@code DefaultMessageListenerContainer} feeds
 * {@link OrderReceiver}'s {@code @JmsListener}, in a transacted session per receive. Prints what is sent and
 * received, and ends when every order has arrived; when one has not within {@value #WAIT_SECONDS} s, it fails
 * (a non-zero exit status).
 */
@SpringBootApplication(proxyBeanMethods = false)
public class OrdersApplication {
    static final int ORDERS = 10;
    private static final long WAIT_SECONDS = 30;

    public static void main(String[] args) throws InterruptedException {
        try (ConfigurableApplicationContext context = SpringApplication.run(OrdersApplication.class, args)) {
            OrderReceiver receiver = context.getBean(OrderReceiver.class);
            boolean complete = receiver.awaitAll(Duration.ofSeconds(WAIT_SECONDS));
            System.out.println((complete ? "all " : "only ") + receiver.received() + " of " + ORDERS
                    + " orders received");
            if (!complete) {
                throw new IllegalStateException("orders missing after " + WAIT_SECONDS + " s");
            }
        }
    }

    /**
     * h2mq as the application's connection factory. The caching wrapper keeps one connection open for the
     * template and the listener container, and reuses sessions and producers, so that a send does not open and
     * close a connection of its own.
     */
    @Bean
    ConnectionFactory connectionFactory(@Value("${h2mq.url}") String url) {
        return new CachingConnectionFactory(new H2mqConnectionFactory(url));
    }

    /** This run's orders, told apart from any an earlier run left on the durable queue. */
    @Bean
    OrderBatch orderBatch() {
        return new OrderBatch(UUID.randomUUID().toString(), ORDERS);
    }
}
