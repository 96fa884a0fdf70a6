package io.meterflow.timeseries.aggregator;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;

/**
 * The aggregator's own counters, exposed with the rest at /admin/prometheus. {@code dropped}: measures
 * an archive policy's back window refused, as Gnocchi ignores them; {@code deadLettered}: records
 * sent to the dead-letter topic, {@code deadLetteredMeasures} the measures in them.
 */
record AggregatorMetrics(Meter folded, Meter dropped, Meter replayed, Meter deadLettered, Meter deadLetteredMeasures) {

    static AggregatorMetrics in(MetricRegistry registry) {
        return new AggregatorMetrics(
                registry.meter("meterflow.aggregator.measures.folded"),
                registry.meter("meterflow.aggregator.measures.dropped"),
                registry.meter("meterflow.aggregator.records.replayed"),
                registry.meter("meterflow.aggregator.records.dead-lettered"),
                registry.meter("meterflow.aggregator.measures.dead-lettered"));
    }
}
