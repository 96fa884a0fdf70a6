package io.meterflow.timeseries.measure;

import io.meterflow.timeseries.aggregation.Measure;
import io.meterflow.timeseries.metric.Metric;
import java.util.List;
import java.util.Map;

/**
 * Where the API hands the measures of a request. It returns once they are durable, which is
 * when the API may answer 202: folded into the aggregates ({@link MeasureWriter}, the
 * {@code direct} mode) or acknowledged by every in-sync Kafka replica ({@code kafka} mode, the
 * aggregator folds them later, through the same {@code MetricAggregator} and
 * {@code AggregateChanges}).
 */
public interface MeasureIntake {

    void accept(Map<Metric, List<Measure>> batch);
}
