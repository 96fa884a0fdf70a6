package io.meterflow.timeseries.aggregator;

import io.meterflow.timeseries.aggregation.MetricAggregator;
import io.meterflow.timeseries.archivepolicy.ArchivePolicy;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link MetricAggregator} per archive policy, shared by the tasks: building one parses the
 * policy's methods and lists its aggregations, which showed in profiles when done per record.
 */
final class Aggregators {

    private final ConcurrentHashMap<ArchivePolicy, MetricAggregator> byPolicy = new ConcurrentHashMap<>();

    MetricAggregator forPolicy(ArchivePolicy policy) {
        return byPolicy.computeIfAbsent(policy, p -> new MetricAggregator(p.aggregations(), p.backWindow()));
    }
}
