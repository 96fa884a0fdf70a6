package io.meterflow.timeseries.aggregator;

import io.meterflow.timeseries.aggregation.OpenBuckets;
import io.meterflow.timeseries.aggregation.TimeSeries;

/** What an aggregator task keeps in memory of a metric's buffer between commits. */
sealed interface CachedBuffer {

    /** Roughly what the entry holds on the heap, for the cache's bound. */
    long bytes();

    /** A metric whose policy merges in order: its open buckets, and the raw points of its newest buffer slice. */
    record Open(OpenBuckets buckets, TimeSeries recent) implements CachedBuffer {
        public long bytes() {
            return 200 + 64L * buckets.buckets().size() + 16L * recent.size();
        }
    }

    /** A metric whose policy needs raw values (std, percentiles, rates): its whole buffer. */
    record Whole(TimeSeries buffer) implements CachedBuffer {
        public long bytes() {
            return 100 + 16L * buffer.size();
        }
    }
}
