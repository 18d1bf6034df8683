package io.h2mq.engine;

import io.h2mq.message.H2mqMessage;
import io.h2mq.store.EntryRef;

/**
 * A message claimed for one consumer: where it came from (so it can be acknowledged or handed back) and the decoded
 * message, already marked with {@code JMSRedelivered} and {@code JMSXDeliveryCount}.
 *
 * @param consumed the entry was already consumed in the write that claimed it ({@link EndpointReader#pollToConsume})
 */
public record Delivery(long endpointId, EntryRef entry, int previousDeliveries, H2mqMessage message,
                       boolean consumed) {
}
