package io.meterflow.timeseries.aggregation;

import java.util.Map;

/**
 * What adding measures to a metric changes: the new unaggregated buffer, the oldest accepted
 * measure's timestamp (the buffer is unchanged before it; {@link Long#MAX_VALUE} when none was
 * accepted) and, per aggregation, the recomputed points from the first touched bucket on (they
 * replace the stored ones).
 */
public record MetricUpdate(
        TimeSeries buffer,
        long firstAccepted,
        Map<Aggregation, RecomputedAggregate> recomputed,
        int accepted,
        int dropped) {

    public boolean changed() {
        return accepted > 0;
    }
}
