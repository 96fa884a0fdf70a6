package io.meterflow.gnocchiclient.metric;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.gnocchiclient.error.GnocchiResponseException;
import io.meterflow.gnocchiclient.internal.GnocchiHttp;
import io.meterflow.gnocchiclient.internal.QueryString;
import java.util.Objects;
import java.util.UUID;

/** Reads metrics. */
public final class MetricClient {

    private final GnocchiHttp http;

    public MetricClient(GnocchiHttp http) {
        this.http = http;
    }

    /** {@code GET /v1/metric/{id}}. */
    public Metric get(UUID id) {
        Objects.requireNonNull(id, "id");
        return read(http.get("metric/" + id, QueryString.empty()));
    }

    static Metric read(JsonNode metric) {
        try {
            // Gnocchi 4 sends the whole policy under archive_policy; some versions add archive_policy_name.
            String policy = metric.path("archive_policy_name").isTextual()
                    ? metric.get("archive_policy_name").asText()
                    : metric.path("archive_policy").path("name").asText(null);
            // A metric's resource comes as resource_id, or as the whole resource with details.
            String resource = metric.path("resource_id").isTextual()
                    ? metric.get("resource_id").asText()
                    : metric.path("resource").path("id").asText(null);
            return new Metric(
                    UUID.fromString(metric.path("id").asText()),
                    text(metric, "name"),
                    text(metric, "unit"),
                    resource == null ? null : UUID.fromString(resource),
                    policy,
                    text(metric, "creator"));
        } catch (IllegalArgumentException invalid) {
            throw new GnocchiResponseException(
                    "unreadable metric " + metric.path("id") + ": " + invalid.getMessage(), invalid);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }
}
