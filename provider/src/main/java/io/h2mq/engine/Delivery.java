package io.h2mq.engine;

import io.h2mq.message.H2mqMessage;
import io.h2mq.store.EntryRef;

/**
 * A message claimed for one consumer: where it came from (so it can be acknowledged or handed back) and the decoded
 * message, already marked with {@code JMSRedelivered} and {@code JMSXDeliveryCount}.
 */
public record Delivery(long endpointId, EntryRef entry, int previousDeliveries, H2mqMessage message) {
}
