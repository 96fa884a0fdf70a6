package io.meterflow.timeseries.aggregator;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;

/** The aggregator's own counters, exposed with the rest at /admin/prometheus. */
record AggregatorMetrics(Meter folded, Meter dropped, Meter replayed, Meter deadLettered) {

    static AggregatorMetrics in(MetricRegistry registry) {
        return new AggregatorMetrics(
                registry.meter("meterflow.aggregator.measures.folded"),
                registry.meter("meterflow.aggregator.measures.dropped"),
                registry.meter("meterflow.aggregator.records.replayed"),
                registry.meter("meterflow.aggregator.records.dead-lettered"));
    }
}
