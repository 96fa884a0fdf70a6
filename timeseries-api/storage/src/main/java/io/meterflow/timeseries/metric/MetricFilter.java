package io.meterflow.timeseries.metric;

import java.util.Map;

/**
 * Which metrics a listing returns: equality on attributes, and for a caller who may not see
 * everything, the project whose metrics (created by it, or on its resources) are visible.
 */
public record MetricFilter(Map<String, Object> equalities, String visibleToProject) {

    public MetricFilter {
        equalities = Map.copyOf(equalities);
    }
}
