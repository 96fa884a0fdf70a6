package io.meterflow.timeseries.samples;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;

/**
 * The sample ingest's counters, exposed with the rest at /admin/prometheus. {@code resolve}
 * times a sample's way to its metric id: with cache hits it is the steady-state cost per sample.
 */
record SampleIngestMetrics(
        Meter samplesReceived,
        Meter samplesUnmapped,
        Meter samplesOwnActivity,
        Meter measuresProduced,
        Meter resourcesCreated,
        Meter resourcesUpdated,
        Meter metricsCreated,
        Meter eventsReceived,
        Meter eventsIgnored,
        Meter deadLettered,
        Meter cacheHits,
        Meter cacheMisses,
        Timer resolve) {

    static SampleIngestMetrics in(MetricRegistry registry) {
        String prefix = "meterflow.sample-ingest.";
        return new SampleIngestMetrics(
                registry.meter(prefix + "samples.received"),
                registry.meter(prefix + "samples.unmapped"),
                registry.meter(prefix + "samples.own-activity"),
                registry.meter(prefix + "measures.produced"),
                registry.meter(prefix + "resources.created"),
                registry.meter(prefix + "resources.updated"),
                registry.meter(prefix + "metrics.created"),
                registry.meter(prefix + "events.received"),
                registry.meter(prefix + "events.ignored"),
                registry.meter(prefix + "dead-lettered"),
                registry.meter(prefix + "cache.hits"),
                registry.meter(prefix + "cache.misses"),
                registry.timer(prefix + "resolve"));
    }
}
