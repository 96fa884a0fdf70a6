package io.meterflow.timeseries.measure;

import java.util.UUID;

/**
 * Measures accepted but not yet aggregated: what {@code /v1/status} reports and what a read with
 * {@code refresh=true} waits for.
 */
public interface Backlog {

    /** Gnocchi's {@code storage.summary}: measures and metrics waiting. */
    record Summary(long measures, long metrics) {}

    /**
     * What a read with {@code refresh=true} found when it stopped waiting.
     *
     * @param completed false when the wait timed out with measures still pending
     * @param deadLetteredRecords records of the metric that were waited for and dead-lettered, not folded
     * @param deadLetteredMeasures the measures in them (none counted for a record that could not be read)
     * @param reason why the last of them was dead-lettered; null when none was
     */
    record Refresh(boolean completed, long deadLetteredRecords, long deadLetteredMeasures, String reason) {

        /** Everything waited for was folded (or nothing was pending). */
        public static final Refresh FOLDED = new Refresh(true, 0, 0, null);

        public static final Refresh TIMED_OUT = new Refresh(false, 0, 0, null);

        public static Refresh deadLettered(long records, long measures, String reason) {
            return new Refresh(true, records, measures, reason);
        }

        public boolean anyDeadLettered() {
            return reason != null;
        }
    }

    Summary summary();

    /** Waits until every measure accepted for the metric before the call is folded or dead-lettered, or the wait timed out. */
    Refresh awaitMetric(UUID metricId);

    /** The direct mode aggregates within the request: nothing ever waits. */
    Backlog NONE = new Backlog() {
        @Override
        public Summary summary() {
            return new Summary(0, 0);
        }

        @Override
        public Refresh awaitMetric(UUID metricId) {
            return Refresh.FOLDED;
        }
    };
}
