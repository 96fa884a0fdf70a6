package io.meterflow.timeseries.api;

import io.meterflow.timeseries.failure.UnavailableException;
import io.meterflow.timeseries.measure.Backlog;
import java.util.UUID;

/**
 * {@code refresh=true}: Gnocchi processes the metric's unprocessed measures before it reads; here
 * the read waits until the aggregator has folded them or dead-lettered them. A wait that times
 * out is Gnocchi's 503 for a metric it could not lock, so a client retries rather than reading
 * stale aggregates as if they were complete.
 */
public final class Refreshes {

    /** Says what became of the measures waited for: {@code folded}, or {@code dead-lettered; ...}. */
    public static final String HEADER = "X-Meterflow-Refresh";

    private Refreshes() {}

    public static Backlog.Refresh await(Backlog backlog, UUID metricId) {
        Backlog.Refresh refresh = backlog.awaitMetric(metricId);
        if (!refresh.completed()) {
            throw new UnavailableException(
                    "Unable to refresh metric: " + metricId + ". Metric is locked. Please try again.");
        }
        return refresh;
    }

    /** The header's value; the reason is a sentence of ours, quoted. */
    public static String describe(Backlog.Refresh refresh) {
        if (!refresh.anyDeadLettered()) {
            return "folded";
        }
        return "dead-lettered; records=" + refresh.deadLetteredRecords() + "; measures="
                + refresh.deadLetteredMeasures() + "; reason=\""
                + refresh.reason().replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\r\\n]", " ") + "\"";
    }
}
