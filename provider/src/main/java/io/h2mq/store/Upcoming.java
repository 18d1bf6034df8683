package io.h2mq.store;

/**
 * What is next for the ready entries of an endpoint that has nothing to deliver now.
 *
 * @param nextVisibleAt  epoch millis at which the next delayed entry becomes visible, 0 for none
 * @param earliestExpiry epoch millis of the earliest expiry among them, 0 for none; at or before now means some have
 *                       expired and can be cleared
 */
public record Upcoming(long nextVisibleAt, long earliestExpiry) {
}
