package io.meterflow.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Waits until notifications published to the bus are readable as measures in the time-series API:
 * for each marker resource, a measure of its metric at or after a given time. Notifications go
 * collector, Kafka, aggregator, so this is the one honest check that the whole path works.
 */
public final class MeasureWait {

    /** A resource whose metric must have a measure at or after {@code notBefore}. */
    public record Marker(String resourceType, String resourceId, String metric, Instant notBefore) {}

    private static final Duration POLL = Duration.ofSeconds(1);

    private final ServiceClient timeseries;
    private final Clock clock;

    public MeasureWait(ServiceClient timeseries, Clock clock) {
        this.timeseries = timeseries;
        this.clock = clock;
    }

    public void await(List<Marker> markers, Duration timeout) throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        List<Marker> waiting = new ArrayList<>(markers);
        String last = "";
        while (true) {
            List<Marker> still = new ArrayList<>();
            for (Marker marker : waiting) {
                String problem = missing(marker);
                if (!problem.isEmpty()) {
                    still.add(marker);
                    last = problem;
                }
            }
            waiting = still;
            if (waiting.isEmpty()) {
                return;
            }
            if (clock.instant().isAfter(deadline)) {
                throw new DemoApiException("the demo's notifications did not become measures in the time-series API ("
                        + timeseries.base() + ") within " + timeout.toSeconds() + " s: " + waiting.size()
                        + " of " + markers.size() + " resources lack them, e.g. " + last
                        + ". Is the collector consuming from RabbitMQ and the aggregator running?");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Empty when the marker's measure is there, else what is missing. */
    private String missing(Marker marker) throws InterruptedException {
        ServiceClient.Answer resource =
                timeseries.get("v1/resource/" + marker.resourceType() + "/" + marker.resourceId());
        if (!resource.ok()) {
            return marker.resourceType() + " " + marker.resourceId() + " is not there (" + resource.status() + ")";
        }
        JsonNode metricId = resource.body().path("metrics").path(marker.metric());
        if (metricId.isMissingNode()) {
            return marker.resourceType() + " " + marker.resourceId() + " has no metric " + marker.metric();
        }
        String start = marker.notBefore().toString();
        ServiceClient.Answer measures = timeseries.get("v1/metric/" + metricId.asText() + "/measures?start=" + start);
        if (!measures.ok() || !measures.body().isArray() || measures.body().isEmpty()) {
            return "metric " + marker.metric() + " of " + marker.resourceId() + " has no measure since " + start;
        }
        return "";
    }
}
