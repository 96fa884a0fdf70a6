package io.meterflow.timeseries.aggregation;

import java.util.List;

/**
 * What an in-order fold needs of a metric's past instead of its raw buffer: the newest raw
 * timestamp, and per granularity of the policy (in {@link MetricAggregator}'s order) the bucket
 * holding it.
 */
public record OpenBuckets(long newest, List<OpenBucket> buckets) {

    public OpenBuckets {
        buckets = List.copyOf(buckets);
    }
}
