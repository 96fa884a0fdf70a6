package io.meterflow.timeseries.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One revision of a resource: the live one ({@code revision == -1}, no {@code revisionEnd}) or
 * an earlier one kept in the history. {@code attributes} holds the type's attributes as stored
 * (normalised JSON); {@code metrics} maps metric names to ids.
 */
public record Resource(
        UUID id,
        String type,
        String originalResourceId,
        String creator,
        String userId,
        String projectId,
        Instant startedAt,
        Instant endedAt,
        Instant revisionStart,
        Instant revisionEnd,
        long revision,
        ObjectNode attributes,
        Map<String, UUID> metrics) {

    public static final long LIVE = -1;

    public Resource {
        metrics = Map.copyOf(metrics);
    }

    public Resource withMetrics(Map<String, UUID> named) {
        return new Resource(
                id,
                type,
                originalResourceId,
                creator,
                userId,
                projectId,
                startedAt,
                endedAt,
                revisionStart,
                revisionEnd,
                revision,
                attributes,
                named);
    }

    /** {@code "user:project"} creators carry the creating project after the colon. */
    public String createdByUserId() {
        int colon = creator == null ? -1 : creator.indexOf(':');
        return creator == null ? null : colon < 0 ? creator : creator.substring(0, colon);
    }

    public String createdByProjectId() {
        int colon = creator == null ? -1 : creator.indexOf(':');
        return creator == null ? null : colon < 0 ? "" : creator.substring(colon + 1);
    }
}
