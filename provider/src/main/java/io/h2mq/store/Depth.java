package io.h2mq.store;

/** How much waits on an endpoint (ready, claimed or held): messages and their encoded bytes. */
public record Depth(long messages, long bytes) {
}
