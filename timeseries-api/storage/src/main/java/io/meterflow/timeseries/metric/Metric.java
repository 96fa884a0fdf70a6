package io.meterflow.timeseries.metric;

import io.meterflow.timeseries.access.AccessPolicy;
import io.meterflow.timeseries.archivepolicy.ArchivePolicy;
import java.util.UUID;

/**
 * A metric: a series of measures aggregated by its archive policy, optionally attached to a
 * resource under a name. {@code resourceProjectId} is the owning resource's project, which
 * grants read access.
 */
public record Metric(
        UUID id,
        String creator,
        String name,
        String unit,
        UUID resourceId,
        String resourceProjectId,
        ArchivePolicy archivePolicy) {

    /** {@code "user:project"} creators carry the creating project after the colon. */
    public String createdByUserId() {
        int colon = creator == null ? -1 : creator.indexOf(':');
        return creator == null ? null : colon < 0 ? creator : creator.substring(0, colon);
    }

    public String createdByProjectId() {
        int colon = creator == null ? -1 : creator.indexOf(':');
        return colon < 0 ? (creator == null ? null : "") : creator.substring(colon + 1);
    }

    public AccessPolicy.Target accessTarget() {
        return new AccessPolicy.Target(creator, createdByProjectId(), resourceProjectId);
    }
}
