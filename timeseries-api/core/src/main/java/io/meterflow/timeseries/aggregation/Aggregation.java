package io.meterflow.timeseries.aggregation;

/**
 * One stored aggregate of a metric: a method at a granularity, kept for a timespan
 * (nanoseconds; null keeps everything).
 */
public record Aggregation(AggregationMethod method, long granularity, Long timespan) {

    public Aggregation {
        if (granularity <= 0) {
            throw new IllegalArgumentException("granularity must be positive");
        }
    }

    /**
     * The newest point a read or a write keeps is the bucket of the newest raw measure; points
     * at or before {@code newest bucket - timespan} have expired (Gnocchi keeps timestamps
     * strictly after that instant).
     */
    public long expiryCutoff(long newestRawTimestamp) {
        if (timespan == null) {
            return Long.MIN_VALUE;
        }
        return Buckets.floor(newestRawTimestamp, granularity) - timespan;
    }
}
