package io.meterflow.timeseries.aggregation;

import java.util.Arrays;
import java.util.function.LongUnaryOperator;

/** Groups a series into buckets of one granularity and reduces each bucket with one method. */
public final class BucketAggregator {

    private BucketAggregator() {
    }

    /**
     * Aggregates the points of {@code series} from bucket {@code start} on. A rate method first
     * replaces each point by its difference to the previous point; the previous point may lie in
     * the bucket before {@code start}, not further back, exactly as Gnocchi derives a series.
     */
    public static TimeSeries aggregate(TimeSeries series, long start, long granularity, AggregationMethod method) {
        TimeSeries input = method.rate()
                ? differences(series.from(start - granularity)).from(start)
                : series.from(start);
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
