package io.h2mq.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;

/**
 * The one place where the message package makes its JMS exceptions, so the wording stays stable and the cause is
 * always attached as both cause and linked exception.
 */
final class MessageErrors {
    private MessageErrors() {
    }

    static MessageFormatException format(String message) {
        return new MessageFormatException(message);
    }

    static MessageFormatException format(String message, Exception cause) {
        return withCause(new MessageFormatException(message), cause);
    }

    static MessageNotWriteableException notWriteable(String what) {
        return new MessageNotWriteableException(what + " is read-only");
    }

    static MessageNotReadableException notReadable(String what) {
        return new MessageNotReadableException(what + " is write-only; call reset() to read it");
    }

    static MessageNotReadableException notLoaded(String what, long length) {
        return new MessageNotReadableException(what + " (" + length + " bytes, stored apart) was not loaded from "
                + "the store");
    }

    static MessageEOFException endOfBody(String what, Exception cause) {
        return withCause(new MessageEOFException("unexpected end of " + what), cause);
    }

    static JMSException general(String message, Exception cause) {
        return withCause(new JMSException(message), cause);
    }

    static <E extends JMSException> E withCause(E e, Exception cause) {
        if (cause != null) {
            e.initCause(cause);
            e.setLinkedException(cause);
        }
        return e;
    }

    /** A value's type for error messages: simple class name, or "null". */
    static String typeOf(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
