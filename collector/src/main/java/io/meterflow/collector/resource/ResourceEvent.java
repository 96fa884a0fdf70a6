package io.meterflow.collector.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A change in a resource's life, for the time-series index.
 *
 * @param resourceType the Gnocchi resource type name ({@code instance}, {@code volume})
 * @param eventTime when the service says it happened (Ceilometer's text form)
 * @param endedAt set on {@link Kind#DELETED} only
 */
public record ResourceEvent(String resourceId, String resourceType, Kind event, String eventTime, String projectId,
        String userId, ObjectNode attributes, String endedAt, String messageId) {

    public enum Kind {
        CREATED, UPDATED, DELETED
    }

    public ResourceEvent {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(event, "event");
    }
}
