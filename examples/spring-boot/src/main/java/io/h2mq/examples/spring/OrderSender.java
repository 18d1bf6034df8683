package io.h2mq.examples.spring;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/** Sends the batch's orders with the auto-configured {@link JmsTemplate} once the application has started. */
@Component
final class OrderSender implements ApplicationRunner {
    private final JmsTemplate jms;
    private final OrderBatch batch;
    private final String queue;

    OrderSender(JmsTemplate jms, OrderBatch batch, @Value("${example.queue}") String queue) {
        this.jms = jms;
        this.batch = batch;
        this.queue = queue;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (int i = 1; i <= batch.size(); i++) {
            jms.convertAndSend(queue, "order " + i, message -> {
                message.setStringProperty(OrderBatch.PROPERTY, batch.id());
                return message;
            });
        }
        System.out.println("sent " + batch.size() + " orders to the queue " + queue + " with JmsTemplate");
    }
}
