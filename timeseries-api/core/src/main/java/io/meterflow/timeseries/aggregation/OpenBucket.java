package io.meterflow.timeseries.aggregation;

/**
 * What the methods that merge in order need of one bucket's raw values, so that a newer measure
 * folds into the bucket without re-reading them: their count, running sum, min, max, first and
 * last. Each field is the left fold its {@link Reducer} computes over the bucket, continued one
 * value at a time, so the value after the fold is bit for bit the reducer's over all the values
 * (a running sum adds in the same order as {@link Reducer.Sum}). Each reducer that merges in order
 * reads its value with {@link Reducer#value(OpenBucket)}; std, median and percentiles need the
 * values themselves.
 */
public record OpenBucket(long start, int count, double sum, double min, double max, double first, double last) {

    /** A bucket holding one value. */
    public static OpenBucket of(long start, double value) {
        return new OpenBucket(start, 0, 0, Double.NaN, Double.NEGATIVE_INFINITY, value, value).with(value);
    }

    /** This bucket with {@code value} added after its values (in timestamp order). */
    public OpenBucket with(double value) {
        // Min keeps NaN only until a number comes; max turns NaN for good: Reducer.Min and Reducer.Max.
        double newMin = Double.isNaN(min) || value < min ? value : min;
        double newMax = Double.isNaN(max) || Double.isNaN(value) ? Double.NaN : Math.max(max, value);
        return new OpenBucket(start, count + 1, sum + value, newMin, newMax, first, value);
    }
}
