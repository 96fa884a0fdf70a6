package io.meterflow.gnocchiclient.aggregates;

import java.util.Map;
import java.util.Objects;

/**
 * The aggregation of one group of resources.
 *
 * @param by       group attribute → value as text, e.g. {@code project_id → "p1"}; an attribute whose
 *                 value is null (a resource without project) is absent; empty when not grouped
 * @param measures the group's series
 */
public record AggregatesGroup(Map<String, String> by, AggregatedMeasures measures) {

    public AggregatesGroup {
        by = Map.copyOf(by);
        Objects.requireNonNull(measures, "measures");
    }
}
