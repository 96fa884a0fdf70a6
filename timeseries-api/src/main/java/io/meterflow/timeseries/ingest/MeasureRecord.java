package io.meterflow.timeseries.ingest;

import io.meterflow.timeseries.aggregation.Measure;
import java.util.List;
import java.util.UUID;

/**
 * The measures one request sent for one metric: the value of a record on the measures topic,
 * whose key is the metric id. See docs/wire-formats.md.
 */
public record MeasureRecord(UUID metricId, List<Measure> measures) {

    public MeasureRecord {
        if (metricId == null) {
            throw new IllegalArgumentException("a measure record needs a metric id");
        }
        measures = List.copyOf(measures);
    }
}
