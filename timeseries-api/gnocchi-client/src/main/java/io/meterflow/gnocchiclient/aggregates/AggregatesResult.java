package io.meterflow.gnocchiclient.aggregates;

import java.util.List;

/**
 * What {@code /v1/aggregates} answered. Without groupby Gnocchi answers one set of series, here the
 * single group with an empty {@code by}; with groupby, one group per distinct attribute values.
 *
 * @param grouped whether the request grouped (then {@code groups} may also be empty)
 * @param groups  the groups, in Gnocchi's order
 */
public record AggregatesResult(boolean grouped, List<AggregatesGroup> groups) {

    public AggregatesResult {
        groups = List.copyOf(groups);
        if (!grouped && groups.size() != 1) {
            throw new IllegalArgumentException(
                    "an ungrouped answer has exactly one set of series, got " + groups.size());
        }
    }

    /** The series of an ungrouped request. */
    public AggregatedMeasures measures() {
        if (grouped) {
            throw new IllegalStateException("the request was grouped: walk groups()");
        }
        return groups.get(0).measures();
    }
}
