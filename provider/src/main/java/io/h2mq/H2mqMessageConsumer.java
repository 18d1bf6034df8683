package io.h2mq;

import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;

/**
 * What every h2mq message consumer can do beyond the classic API: receive a message's body alone, with the
 * simplified API's rule that, in AUTO_ACKNOWLEDGE and DUPS_OK_ACKNOWLEDGE modes, a body of the wrong type leaves the
 * message unacknowledged, so it is delivered again. For code that wraps h2mq sessions, such as the resource adapter's {@code JMSContext}.
 */
public interface H2mqMessageConsumer extends MessageConsumer {
    /**
     * The body of the next message as {@code type}, or null when none arrives in time.
     *
     * @param timeoutMillis 0 to wait without limit (ignored when {@code noWait})
     * @throws jakarta.jms.MessageFormatException if the body cannot be returned as {@code type}; the message is
     *         not acknowledged in AUTO_ACKNOWLEDGE and DUPS_OK_ACKNOWLEDGE modes
     */
    <T> T receiveBody(Class<T> type, long timeoutMillis, boolean noWait) throws JMSException;
}
