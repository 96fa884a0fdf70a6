package io.meterflow.timeseries.measure;

import java.util.UUID;

/**
 * Measures accepted but not yet aggregated: what {@code /v1/status} reports and what a read with
 * {@code refresh=true} waits for.
 */
public interface Backlog {

    /** Gnocchi's {@code storage.summary}: measures and metrics waiting. */
    record Summary(long measures, long metrics) {}

    Summary summary();

    /** Returns once every measure accepted for the metric before the call is aggregated, or the wait timed out. */
    void awaitMetric(UUID metricId);

    /** The direct mode aggregates within the request: nothing ever waits. */
    Backlog NONE = new Backlog() {
        @Override
        public Summary summary() {
            return new Summary(0, 0);
        }

        @Override
        public void awaitMetric(UUID metricId) {}
    };
}
