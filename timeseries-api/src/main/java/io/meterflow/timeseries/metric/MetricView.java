package io.meterflow.timeseries.metric;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.meterflow.timeseries.archivepolicy.ArchivePolicyView;
import java.util.UUID;

/** A metric as Gnocchi's API shows it, with its archive policy inlined. */
@JsonPropertyOrder({"id", "creator", "name", "unit", "resource_id", "archive_policy",
        "created_by_user_id", "created_by_project_id"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MetricView(
        UUID id,
        String creator,
        String name,
        String unit,
        @JsonProperty("resource_id") UUID resourceId,
        @JsonProperty("archive_policy") ArchivePolicyView archivePolicy,
        @JsonProperty("created_by_user_id") String createdByUserId,
        @JsonProperty("created_by_project_id") String createdByProjectId) {

    public static MetricView of(Metric metric) {
        return new MetricView(metric.id(), metric.creator(), metric.name(), metric.unit(), metric.resourceId(),
                ArchivePolicyView.of(metric.archivePolicy()), metric.createdByUserId(), metric.createdByProjectId());
    }
}
