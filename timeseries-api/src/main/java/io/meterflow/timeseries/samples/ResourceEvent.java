package io.meterflow.timeseries.samples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One event of the collector's {@code meterflow.resource-events} topic: a resource was created,
 * updated or deleted in its service. {@code endedAt} is set on deletions (the service's deletion
 * time, else the notification's), {@code attributes} hold what the service said of the resource.
 */
record ResourceEvent(Kind kind, String resourceId, String resourceType, Instant eventTime, String userId,
        String projectId, ObjectNode attributes, Instant endedAt) {

    enum Kind {
        CREATED, UPDATED, DELETED
    }

    ResourceEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(attributes, "attributes");
    }

    /** When the resource ended: the deletion time the service gave, else the event's own time. */
    Instant effectiveEnd() {
        return endedAt == null ? eventTime : endedAt;
    }
}
