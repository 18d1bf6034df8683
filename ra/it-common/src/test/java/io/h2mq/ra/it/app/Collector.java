package io.h2mq.ra.it.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;

/**
 * What the message-driven beans of the test application saw, for the tests to assert on: every delivery, in
 * arrival order, per listener; and how many {@link OrdersListener} instances ran at once. Concurrent collections
 * instead of container locks, so recording never serialises the listeners it observes.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Collector {
    private final Map<String, ConcurrentLinkedQueue<Delivery>> deliveries = new ConcurrentHashMap<>();
    private final AtomicInteger ordersInFlight = new AtomicInteger();
    private final AtomicInteger ordersInFlightMax = new AtomicInteger();

    /** One onMessage call: the body, JMSXDeliveryCount and JMSRedelivered as the listener saw them. */
    public record Delivery(String body, int deliveryCount, boolean redelivered) implements java.io.Serializable {
    }

    public void record(String listener, Delivery delivery) {
        deliveries.computeIfAbsent(listener, name -> new ConcurrentLinkedQueue<>()).add(delivery);
    }

    /** Every delivery to {@code listener} whose body starts with {@code prefix}, in arrival order. */
    public List<Delivery> deliveries(String listener, String prefix) {
        List<Delivery> matching = new ArrayList<>();
        for (Delivery delivery : deliveries.getOrDefault(listener, new ConcurrentLinkedQueue<>())) {
            if (delivery.body().startsWith(prefix)) {
                matching.add(delivery);
            }
        }
        return matching;
    }

    /** The bodies delivered to {@code listener} that start with {@code prefix}, duplicates included. */
    public List<String> bodies(String listener, String prefix) {
        return deliveries(listener, prefix).stream().map(Delivery::body).toList();
    }

    public void ordersEntered() {
        ordersInFlightMax.accumulateAndGet(ordersInFlight.incrementAndGet(), Math::max);
    }

    public void ordersLeft() {
        ordersInFlight.decrementAndGet();
    }

    /** The most {@link OrdersListener#onMessage} calls that ran at the same time. */
    public int ordersConcurrencyPeak() {
        return ordersInFlightMax.get();
    }
}
