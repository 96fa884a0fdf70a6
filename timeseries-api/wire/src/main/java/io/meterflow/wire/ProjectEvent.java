package io.meterflow.wire;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a Keystone project's life, as the collector publishes it from Keystone's own
 * {@code identity.project.*} notifications and the rating engine folds it into project lifespans.
 *
 * @param eventTime when Keystone made the change (CADF's {@code eventTime}, else the notification's time)
 * @param enabled the project's state where the notification states it, else null: Keystone's own
 *     notifications do not (a disabled project is an {@code updated} one), so readers ask Keystone
 *     when they must know
 * @param initiatorUserId who made the change (CADF only), else null
 * @param messageId oslo's message_id of the notification, what readers apply each event once by
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

    /** The same event with the project's state as Keystone told it. */
    public ProjectEvent withEnabled(boolean state) {
        return new ProjectEvent(projectId, kind, eventTime, state, initiatorUserId, messageId);
    }
}
