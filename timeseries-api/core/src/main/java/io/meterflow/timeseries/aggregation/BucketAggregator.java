package io.meterflow.timeseries.aggregation;

import java.util.Arrays;
import java.util.function.LongUnaryOperator;

/** Groups a series into buckets of one granularity and reduces each bucket with one method. */
public final class BucketAggregator {

    private BucketAggregator() {}

    /**
     * Aggregates the points of {@code series} from bucket {@code start} on. A rate method first
     * replaces each point by its difference to the previous point; the previous point may lie in
     * the bucket before {@code start}, not further back, exactly as Gnocchi derives a series.
     */
    public static TimeSeries aggregate(TimeSeries series, long start, long granularity, AggregationMethod method) {
        TimeSeries input =
                method.rate() ? differences(series.from(start - granularity)).from(start) : series.from(start);
        return reduce(input, granularity, method.reducer());
    }

    static TimeSeries differences(TimeSeries series) {
        if (series.size() < 2) {
            return TimeSeries.EMPTY;
        }
        long[] ts = Arrays.copyOfRange(series.timestamps(), 1, series.size());
        double[] vs = new double[ts.length];
        double[] values = series.values();
        for (int i = 0; i < vs.length; i++) {
            vs[i] = values[i + 1] - values[i];
        }
        return new TimeSeries(ts, vs);
    }

    /**
     * The buckets of {@code series} at one granularity: where each starts and where its points
     * end in the series. A policy folds several methods at each granularity; the bounds are found
     * once and every method reduces over them (finding them per method was a fifth of the
     * aggregator's time).
     */
    public record Bounds(TimeSeries series, long[] starts, int[] ends, int count) {}

    public static Bounds bounds(TimeSeries series, long granularity) {
        int size = series.size();
        long[] starts = new long[size];
        int[] ends = new int[size];
        long[] ts = series.timestamps();
        int count = 0;
        long bucketEnd = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            if (ts[i] >= bucketEnd) {
                if (count > 0) {
                    ends[count - 1] = i;
                }
                long bucket = Buckets.floor(ts[i], granularity);
                starts[count++] = bucket;
                bucketEnd = bucket + granularity;
            }
        }
        if (count > 0) {
            ends[count - 1] = size;
        }
        return new Bounds(series, starts, ends, count);
    }

    /** Reduces every bucket of {@code bounds} with one method (not a rate: those derive first). */
    public static TimeSeries reduce(Bounds bounds, Reducer reducer) {
        long[] bucketStarts = new long[bounds.count()];
        double[] bucketValues = new double[bounds.count()];
        double[] vs = bounds.series().values();
        int buckets = 0;
        int from = 0;
        for (int b = 0; b < bounds.count(); b++) {
            int to = bounds.ends()[b];
            if (reducer.yieldsPointFor(to - from)) {
                bucketStarts[buckets] = bounds.starts()[b];
                bucketValues[buckets++] = reducer.reduce(vs, from, to);
            }
            from = to;
        }
        return buckets == bucketStarts.length
                ? new TimeSeries(bucketStarts, bucketValues)
                : new TimeSeries(Arrays.copyOf(bucketStarts, buckets), Arrays.copyOf(bucketValues, buckets));
    }

    public static TimeSeries reduce(TimeSeries series, long granularity, Reducer reducer) {
        return reduce(series, timestamp -> Buckets.floor(timestamp, granularity), reducer);
    }

    /** Groups by calendar period (Gnocchi's Y, H, Q, M, W resampling). */
    public static TimeSeries reduce(TimeSeries series, CalendarPeriod period, Reducer reducer) {
        return reduce(series, period::floor, reducer);
    }

    /**
     * Resamples stored aggregates with the same method, as Gnocchi does (a mean of means, a max
     * of maxes); for rate methods Gnocchi derives the aggregated series once more, and so do we.
     */
    public static TimeSeries resample(TimeSeries aggregates, LongUnaryOperator bucketStart, AggregationMethod method) {
        TimeSeries input = method.rate() ? differences(aggregates) : aggregates;
        return reduce(input, bucketStart, method.reducer());
    }

    private static TimeSeries reduce(TimeSeries series, LongUnaryOperator bucketStart, Reducer reducer) {
        int size = series.size();
        long[] bucketStarts = new long[size];
        double[] bucketValues = new double[size];
        int buckets = 0;
        long[] ts = series.timestamps();
        double[] vs = series.values();
        int start = 0;
        while (start < size) {
            long bucket = bucketStart.applyAsLong(ts[start]);
            int end = start + 1;
            while (end < size && bucketStart.applyAsLong(ts[end]) == bucket) {
                end++;
            }
            if (reducer.yieldsPointFor(end - start)) {
                bucketStarts[buckets] = bucket;
                bucketValues[buckets++] = reducer.reduce(vs, start, end);
            }
            start = end;
        }
        return new TimeSeries(Arrays.copyOf(bucketStarts, buckets), Arrays.copyOf(bucketValues, buckets));
    }
}
