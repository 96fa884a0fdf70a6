package io.meterflow.wire;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * The measures one request sent for one metric: the value of a record on {@link Topics#MEASURES},
 * whose key is the metric id. Columns rather than a list of pairs: this is the hot path of
 * ingestion, and the consumer folds them into its own point type anyway.
 *
 * <p>The arrays are the record's own from construction on: neither side changes them after.
 */
public final class MeasureRecord {

    private final UUID metricId;
    private final long[] timestamps;
    private final double[] values;

    /**
     * @param timestamps nanoseconds since the epoch, one per value
     * @param values the measured values, {@code NaN} and infinities included
     */
    public MeasureRecord(UUID metricId, long[] timestamps, double[] values) {
        if (metricId == null) {
            throw new IllegalArgumentException("a measure record needs a metric id");
        }
        if (timestamps.length != values.length) {
            throw new IllegalArgumentException(timestamps.length + " timestamps for " + values.length + " values");
        }
        this.metricId = metricId;
        this.timestamps = timestamps;
        this.values = values;
    }

    public UUID metricId() {
        return metricId;
    }

    public int size() {
        return timestamps.length;
    }

    /** The i-th measure's time, in nanoseconds since the epoch. */
    public long timestamp(int i) {
        return timestamps[i];
    }

    public double value(int i) {
        return values[i];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MeasureRecord record
                && metricId.equals(record.metricId)
                && Arrays.equals(timestamps, record.timestamps)
                && Arrays.equals(values, record.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metricId, Arrays.hashCode(timestamps), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "MeasureRecord[metricId=" + metricId + ", measures=" + timestamps.length + "]";
    }
}
