package io.meterflow.timeseries.aggregation;

/** One raw measure: when it was taken (nanoseconds since the epoch) and its value. */
public record Measure(long timestamp, double value) {}
