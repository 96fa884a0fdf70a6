package io.meterflow.collector.ingest;

/**
 * The collector's own counters. Every method defaults to doing nothing, so the hot path never
 * checks for a missing registry ({@link #NONE} for replay and tests).
 */
public interface CollectorMetrics {

    CollectorMetrics NONE = new CollectorMetrics() {};

    default void received(int notifications) {}

    default void published(int samples, int resourceEvents) {}

    /** Acknowledged to RabbitMQ: everything made of them is in Kafka (or dead-lettered, or skipped). */
    default void acknowledged(int notifications) {}

    /** Acknowledged without output on purpose: twins, ignored priorities, redeliveries. */
    default void dropped(int notifications) {}

    /** Samples a matching definition could not make (no volume, ...), as Ceilometer drops them. */
    default void samplesDropped(int samples) {}

    default void deadLettered(int notifications) {}

    /** From the notification's own timestamp to its processing. */
    default void lagMillis(long millis) {}

    default void publishRetried(int notifications) {}
}
