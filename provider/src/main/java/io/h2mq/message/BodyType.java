package io.h2mq.message;

import java.util.function.Supplier;

/** The six message kinds, with the code the codec writes for each. Codes are part of the stored format: never reuse one. */
enum BodyType {
    MESSAGE(0, H2mqMessage::new),
    TEXT(1, H2mqTextMessage::new),
    BYTES(2, H2mqBytesMessage::new),
    MAP(3, H2mqMapMessage::new),
    OBJECT(4, H2mqObjectMessage::new),
    STREAM(5, H2mqStreamMessage::new);

    private final int code;
    private final Supplier<H2mqMessage> factory;

    BodyType(int code, Supplier<H2mqMessage> factory) {
        this.code = code;
        this.factory = factory;
    }

    int code() {
        return code;
    }

    H2mqMessage newMessage() {
        return factory.get();
    }

    static BodyType ofCode(int code) {
        for (BodyType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown body type code " + code);
    }
}
