package io.meterflow.timeseries.metric;

import io.meterflow.timeseries.access.AccessPolicy;
import java.util.Map;

/**
 * Which metrics a listing returns: equality on attributes, and the rows the policy lets the
 * caller read (created by its project, or on resources its project owns), as a WHERE condition.
 */
public record MetricFilter(Map<String, Object> equalities, AccessPolicy.Visibility visibility) {

    public MetricFilter {
        equalities = Map.copyOf(equalities);
    }
}
