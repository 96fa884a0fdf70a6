package io.meterflow.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A change in a resource's life, on {@link Topics#RESOURCE_EVENTS}.
 *
 * @param resourceType the Gnocchi resource type name ({@code instance}, {@code volume})
 * @param eventTime when the service says it happened (Ceilometer's text form)
 * @param attributes what the service said of the resource; never null on a decoded event
 * @param endedAt set on {@link Kind#DELETED} only: the service's deletion time, when it gave one
 * @param messageId the notification it came from
 */
public record ResourceEvent(
        String resourceId,
        String resourceType,
        Kind event,
        String eventTime,
        String projectId,
        String userId,
        ObjectNode attributes,
        String endedAt,
        String messageId) {

    /** What happened; written in lower case on the wire. */
    public enum Kind {
        CREATED,
        UPDATED,
        DELETED
    }

    public ResourceEvent {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(event, "event");
    }
}
