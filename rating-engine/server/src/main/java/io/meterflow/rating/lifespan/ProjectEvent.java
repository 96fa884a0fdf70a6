package io.meterflow.rating.lifespan;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * One step of a Keystone project's life, as the collector publishes it ({@code docs/collector.md},
 * "Project lifecycle").
 *
 * @param enabled the project's state when the event says it; Keystone's own notifications do not
 * @param eventTime Keystone's time of the change
 */
public record ProjectEvent(String projectId, Kind kind, Instant eventTime, Boolean enabled, String messageId) {

    /** Keystone's {@code identity.project.<kind>}. */
    public enum Kind {
        CREATED,
        UPDATED,
        DELETED
    }

    public ProjectEvent {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(messageId, "messageId");
    }

    /** The same event with the project's state as Keystone told it. */
    public ProjectEvent withEnabled(boolean state) {
        return new ProjectEvent(projectId, kind, eventTime, state, messageId);
    }

    /** @throws IllegalArgumentException the record is not a project event */
    public static ProjectEvent read(JsonNode value) {
        String projectId = value.path("project_id").asText("");
        String messageId = value.path("message_id").asText("");
        if (projectId.isEmpty() || messageId.isEmpty()) {
            throw new IllegalArgumentException("no project_id or message_id");
        }
        try {
            JsonNode enabled = value.get("enabled");
            return new ProjectEvent(
                    projectId,
                    Kind.valueOf(value.path("event").asText("").toUpperCase(Locale.ROOT)),
                    Instant.parse(value.path("event_time").asText("")),
                    enabled != null && enabled.isBoolean() ? enabled.booleanValue() : null,
                    messageId);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("event_time: " + e.getMessage(), e);
        }
    }
}
