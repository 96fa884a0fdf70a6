package io.meterflow.timeseries.api.metric;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.meterflow.timeseries.api.archivepolicy.ArchivePolicyView;
import io.meterflow.timeseries.metric.Metric;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A metric as Gnocchi's API shows it, with its archive policy inlined. */
@JsonPropertyOrder({
    "id",
    "creator",
    "name",
    "unit",
    "resource_id",
    "archive_policy",
    "archive_policy_name",
    "created_by_user_id",
    "created_by_project_id"
})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MetricView(
        UUID id,
        String creator,
        String name,
        String unit,
        @JsonProperty("resource_id") UUID resourceId,
        // Reads inline the policy, creations name it: the absent one is left out, not null.
        @JsonProperty("archive_policy") @JsonInclude(JsonInclude.Include.NON_ABSENT)
        Optional<ArchivePolicyView> archivePolicy,

        @JsonProperty("archive_policy_name") @JsonInclude(JsonInclude.Include.NON_ABSENT)
        Optional<String> archivePolicyName,

        @JsonProperty("created_by_user_id") String createdByUserId,
        @JsonProperty("created_by_project_id") String createdByProjectId) {

    /** As reads show a metric: its archive policy inlined. */
    public static MetricView of(Metric metric) {
        return new MetricView(
                metric.id(),
                metric.creator(),
                metric.name(),
                metric.unit(),
                metric.resourceId(),
                Optional.of(ArchivePolicyView.of(metric.archivePolicy())),
                Optional.empty(),
                metric.createdByUserId(),
                metric.createdByProjectId());
    }

    /** As Gnocchi answers a creation: the policy by name only. */
    public static MetricView created(Metric metric) {
        return new MetricView(
                metric.id(),
                metric.creator(),
                metric.name(),
                metric.unit(),
                metric.resourceId(),
                Optional.empty(),
                Optional.of(metric.archivePolicy().name()),
                metric.createdByUserId(),
                metric.createdByProjectId());
    }

    /**
     * As Gnocchi shows one metric: the resource inlined ({@code "resource"}, null when none)
     * instead of its id.
     */
    public static Map<String, Object> detailed(Metric metric, Map<String, Object> resource) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", metric.id());
        json.put("creator", metric.creator());
        json.put("name", metric.name());
        json.put("unit", metric.unit());
        json.put("resource", resource);
        json.put("archive_policy", ArchivePolicyView.of(metric.archivePolicy()));
        json.put("created_by_user_id", metric.createdByUserId());
        json.put("created_by_project_id", metric.createdByProjectId());
        return json;
    }
}
