package io.h2mq.examples.spring;

/**
 * The orders one run sends: {@code size} of them, each carrying {@code id} in its {@value #PROPERTY} property.
 */
record OrderBatch(String id, int size) {
    static final String PROPERTY = "batch";
}
