package io.meterflow.timeseries.aggregation;

import java.util.Map;

/**
 * What measures newer than all of a metric's raw measures change, folded without its buffer: the
 * measures to append to the buffer, the open buckets after them, and per aggregation the
 * recomputed points from the first touched bucket on (as in {@link MetricUpdate}). Aggregations
 * whose stored points the measures leave as they are (see {@code MetricAggregator}) are absent.
 */
public record InOrderUpdate(
        TimeSeries appended, OpenBuckets open, Map<Aggregation, RecomputedAggregate> recomputed, int dropped) {

    public int accepted() {
        return appended.size();
    }
}
