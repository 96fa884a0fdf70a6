package io.meterflow.timeseries.aggregation;

import java.util.Arrays;

/**
 * Points sorted by timestamp, one per timestamp. Timestamps are nanoseconds since the Unix epoch,
 * which is Gnocchi's resolution and keeps bucket arithmetic exact for sub-second granularities.
 *
 * <p>The arrays are owned by the series and never modified after construction.
 */
public record TimeSeries(long[] timestamps, double[] values) {

    public static final TimeSeries EMPTY = new TimeSeries(new long[0], new double[0]);

    public TimeSeries {
        if (timestamps.length != values.length) {
            throw new IllegalArgumentException("timestamps and values differ in length");
        }
    }

    public int size() {
        return timestamps.length;
    }

    public boolean isEmpty() {
        return timestamps.length == 0;
    }

    public long first() {
        return timestamps[0];
    }

    public long last() {
        return timestamps[timestamps.length - 1];
    }

    /** Index of the first point at or after {@code timestamp}. */
    public int indexFrom(long timestamp) {
        int index = Arrays.binarySearch(timestamps, timestamp);
        return index >= 0 ? index : -index - 1;
    }

    /** The points with {@code from <= timestamp < to}. */
    public TimeSeries between(long from, long to) {
        int start = indexFrom(from);
        int end = Math.max(start, indexFrom(to)); // from after to: nothing
        return slice(start, end);
    }

    /** The points at or after {@code from}. */
    public TimeSeries from(long from) {
        return slice(indexFrom(from), size());
    }

    /** The points strictly after {@code after}. */
    public TimeSeries after(long after) {
        int index = Arrays.binarySearch(timestamps, after);
        int start = index >= 0 ? index + 1 : -index - 1;
        return slice(start, size());
    }

    public TimeSeries slice(int start, int end) {
        if (start == 0 && end == size()) {
            return this;
        }
        return new TimeSeries(Arrays.copyOfRange(timestamps, start, end), Arrays.copyOfRange(values, start, end));
    }

    /**
     * Merges two series; where both hold a timestamp, {@code newer}'s value wins, as a later
     * write of the same timestamp replaces the earlier one.
     */
    public static TimeSeries merge(TimeSeries older, TimeSeries newer) {
        if (older.isEmpty()) {
            return newer;
        }
        if (newer.isEmpty()) {
            return older;
        }
        long[] ts = new long[older.size() + newer.size()];
        double[] vs = new double[ts.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < older.size() || j < newer.size()) {
            if (j >= newer.size() || (i < older.size() && older.timestamps[i] < newer.timestamps[j])) {
                ts[n] = older.timestamps[i];
                vs[n++] = older.values[i++];
            } else {
                if (i < older.size() && older.timestamps[i] == newer.timestamps[j]) {
                    i++;
                }
                ts[n] = newer.timestamps[j];
                vs[n++] = newer.values[j++];
            }
        }
        return new TimeSeries(Arrays.copyOf(ts, n), Arrays.copyOf(vs, n));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimeSeries that
                && Arrays.equals(timestamps, that.timestamps)
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(timestamps) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("TimeSeries[");
        for (int i = 0; i < size(); i++) {
            text.append(i == 0 ? "" : ", ").append(timestamps[i]).append('=').append(values[i]);
        }
        return text.append(']').toString();
    }
}
