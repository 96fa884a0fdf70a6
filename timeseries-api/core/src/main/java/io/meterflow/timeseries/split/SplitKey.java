package io.meterflow.timeseries.split;

import io.meterflow.timeseries.aggregation.Buckets;
import io.meterflow.timeseries.aggregation.TimeSeries;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Identifies one stored split of an aggregate. Times in nanoseconds since the epoch. */
public record SplitKey(UUID metricId, String method, long granularity, long splitStart) {

    /**
     * Points per split: two minutes of seconds, two hours of minutes, five days of hours per row.
     *
     * <p>Gnocchi's carbonara splits hold 3,600 points, and so did these until schema version 8
     * ({@code SmallerSplits} re-splits older rows). A fold rewrites the whole newest split of every
     * aggregate it touches, so the bytes written per fold grow with the split: a metric at one
     * point a second rewrote up to 43 kB per aggregate per fold, TOASTed, and the bulk benchmark's
     * PostgreSQL spent most of its time on those upserts. At 120 points a split is at most 1.4 kB
     * (960 bytes when its buckets are contiguous), stays inline below TOAST's 2 kB threshold and
     * is updated in place (HOT) on its fillfactor-70 page. Reads of long ranges touch more rows
     * (a year of hours: 73); the bulk benchmark's reads of 1,000 seconds (9 rows instead of 1)
     * took 4.9-7.6 ms at the median, against 5.2-8.1 ms before. 120 divides 3,600, so every old
     * split re-splits into whole new ones.
     */
    public static final int POINTS_PER_SPLIT = 120;

    /** Largest span a split may cover, so that time arithmetic on it never overflows. */
    private static final long MAX_SPAN = Long.MAX_VALUE / 4;

    public static long splitStartOf(long timestamp, long granularity) {
        return Buckets.floor(timestamp, span(granularity));
    }

    /**
     * The time one split covers: {@link #POINTS_PER_SPLIT} buckets, or fewer for granularities so
     * coarse (over seven months) that 120 of them would not fit in 64-bit nanoseconds.
     */
    public static long span(long granularity) {
        if (granularity <= MAX_SPAN / POINTS_PER_SPLIT) {
            return granularity * POINTS_PER_SPLIT;
        }
        return granularity * Math.max(1, MAX_SPAN / granularity);
    }

    /**
     * Cuts the points from {@code fromIndex} on (in time order) into the splits they fall in:
     * split start to its points, in order.
     */
    public static Map<Long, TimeSeries> bySplit(TimeSeries points, int fromIndex, long granularity) {
        Map<Long, TimeSeries> splits = new LinkedHashMap<>();
        int index = fromIndex;
        while (index < points.size()) {
            long start = splitStartOf(points.timestamps()[index], granularity);
            int end = points.indexFrom(start + span(granularity));
            splits.put(start, points.slice(index, end));
            index = end;
        }
        return splits;
    }
}
