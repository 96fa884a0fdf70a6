package io.meterflow.gnocchiclient.measure;

import io.meterflow.gnocchiclient.internal.GnocchiHttp;
import io.meterflow.gnocchiclient.internal.QueryString;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Reads a metric's aggregated measures, by metric id or by the resource that holds it. */
public final class MeasureClient {

    private final GnocchiHttp http;

    public MeasureClient(GnocchiHttp http) {
        this.http = http;
    }

    /** {@code GET /v1/metric/{id}/measures}. */
    public List<Measure> ofMetric(UUID metricId, MeasureQuery query) {
        Objects.requireNonNull(metricId, "metricId");
        return MeasuresJson.points(http.get("metric/" + metricId + "/measures", query.toQueryString()));
    }

    /**
     * {@code GET /v1/resource/{type}/{id}/metric/{name}/measures}: the metric named {@code metricName}
     * on a resource. {@code resourceId} may be the UUID or the original id Gnocchi transformed.
     */
    public List<Measure> ofResourceMetric(
            String resourceType, String resourceId, String metricName, MeasureQuery query) {
        requireText("resourceType", resourceType);
        requireText("resourceId", resourceId);
        requireText("metricName", metricName);
        String path = "resource/" + QueryString.segment(resourceType) + "/" + QueryString.segment(resourceId)
                + "/metric/" + QueryString.segment(metricName) + "/measures";
        return MeasuresJson.points(http.get(path, query.toQueryString()));
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
