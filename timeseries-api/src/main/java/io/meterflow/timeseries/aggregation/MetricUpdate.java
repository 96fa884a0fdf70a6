package io.meterflow.timeseries.aggregation;

import java.util.Map;

/**
 * What adding measures to a metric changes: the new unaggregated buffer and, per aggregation,
 * the recomputed points from the first touched bucket on (they replace the stored ones).
 */
public record MetricUpdate(
        TimeSeries buffer, Map<Aggregation, RecomputedAggregate> recomputed, int accepted, int dropped) {

    public boolean changed() {
        return accepted > 0;
    }
}
