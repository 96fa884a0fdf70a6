package io.meterflow.collector.project;

import java.time.Instant;
import java.util.Objects;

/**
 * A Keystone project's lifecycle step, as the collector publishes it for the rating engine.
 *
 * @param eventTime when Keystone made the change (CADF's {@code eventTime}, else the notification's time)
 * @param enabled the project's state where the notification states it; Keystone's own notifications
 *     do not (a disabled project is an {@code updated} one), so readers ask Keystone when they must know
 * @param initiatorUserId who made the change (CADF only)
 * @param messageId oslo's message_id of the notification, the key readers de-duplicate on
 */
public record ProjectEvent(
        String projectId, Kind kind, Instant eventTime, Boolean enabled, String initiatorUserId, String messageId) {

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
        if (projectId.isBlank()) {
            throw new IllegalArgumentException("projectId must not be blank");
        }
    }
}
