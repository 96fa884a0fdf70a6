package io.meterflow.timeseries.aggregation;

/**
 * The new points of one aggregate from bucket {@code from} on: they replace every stored point
 * at or after {@code from}. {@code expiredUpTo} is the instant at and before which points of this
 * aggregate have outlived the policy's timespan ({@link Long#MIN_VALUE} when kept forever).
 */
public record RecomputedAggregate(long from, TimeSeries points, long expiredUpTo) {}
