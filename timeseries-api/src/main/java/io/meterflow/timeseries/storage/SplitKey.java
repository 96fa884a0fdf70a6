package io.meterflow.timeseries.storage;

import io.meterflow.timeseries.aggregation.Buckets;
import java.util.UUID;

/** Identifies one stored split of an aggregate. Times in nanoseconds since the epoch. */
public record SplitKey(UUID metricId, String method, long granularity, long splitStart) {

    /** Points per split, as Gnocchi's carbonara: a day of minutes or an hour of seconds per row. */
    public static final int POINTS_PER_SPLIT = 3600;

    /** Largest span a split may cover, so that time arithmetic on it never overflows. */
    private static final long MAX_SPAN = Long.MAX_VALUE / 4;

    public static long splitStartOf(long timestamp, long granularity) {
        return Buckets.floor(timestamp, span(granularity));
    }

    /**
     * The time one split covers: 3,600 buckets, or fewer for granularities so coarse (years)
     * that 3,600 of them would not fit in 64-bit nanoseconds.
     */
    public static long span(long granularity) {
        if (granularity <= MAX_SPAN / POINTS_PER_SPLIT) {
            return granularity * POINTS_PER_SPLIT;
        }
        return granularity * Math.max(1, MAX_SPAN / granularity);
    }
}
