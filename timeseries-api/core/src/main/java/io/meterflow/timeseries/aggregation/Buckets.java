package io.meterflow.timeseries.aggregation;

/** Bucket arithmetic: buckets are aligned on the Unix epoch, as Gnocchi aligns them. */
public final class Buckets {

    private Buckets() {}

    /** Start of the bucket of {@code granularity} holding {@code timestamp}. */
    public static long floor(long timestamp, long granularity) {
        return timestamp - Math.floorMod(timestamp, granularity);
    }
}
