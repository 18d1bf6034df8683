package io.h2mq.cli;

import java.nio.charset.StandardCharsets;

/**
 * The export file, written by {@code export} and read by {@code import} (described for users in docs/cli.md):
 *
 * <pre>
 * header   8 bytes "H2MQEXPT", int version (1)
 * record   byte 1, then one message (below), as many as exported
 * trailer  byte 0, long number of records (so that a file cut short is told apart from a complete one)
 * message  byte body kind, string JMSMessageID, long JMSTimestamp, string JMSCorrelationID, string JMSType,
 *          byte JMSPriority, byte JMSDeliveryMode, long JMSExpiration, long JMSDeliveryTime,
 *          boolean JMSRedelivered, byte reply-to kind (0 none, 1 queue, 2 topic) [string reply-to name],
 *          int property count, then per property: string name, typed value;
 *          body by kind: none | string | bytes | int count + (string name, typed value)... |
 *          int count + typed value... | bytes of the serialized object
 * </pre>
 *
 * All numbers big-endian ({@link java.io.DataOutputStream}); a string or bytes is an int length (-1 for null) and
 * then the bytes (UTF-8 for strings); a typed value is a tag and the value ({@link TypedValues}).
 */
final class ExportFormat {
    static final byte[] MAGIC = "H2MQEXPT".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int RECORD = 1;
    static final int END = 0;

    static final int REPLY_TO_NONE = 0;
    static final int REPLY_TO_QUEUE = 1;
    static final int REPLY_TO_TOPIC = 2;

    /** The body kinds; the codes are part of the format, never reuse one. */
    enum BodyKind {
        MESSAGE, TEXT, BYTES, MAP, STREAM, OBJECT;

        int code() {
            return ordinal();
        }

        static BodyKind ofCode(int code) throws ExportFileException {
            if (code < 0 || code >= values().length) {
                throw new ExportFileException("unknown body kind " + code + " in the export file");
            }
            return values()[code];
        }
    }

    private ExportFormat() {
    }
}
