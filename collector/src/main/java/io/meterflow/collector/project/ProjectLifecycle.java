package io.meterflow.collector.project;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.collector.notification.CeilometerTime;
import io.meterflow.collector.notification.MalformedNotificationException;
import io.meterflow.collector.notification.Notification;
import io.meterflow.wire.ProjectEvent;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Project lifecycle from Keystone's notifications ({@code identity.project.created}, {@code
 * updated}, {@code deleted}) in either of Keystone's formats: {@code basic}, whose payload is only
 * {@code resource_info} (the project id), and {@code cadf} (Keystone's default), which adds
 * {@code target.id}, {@code eventTime} and the initiator. Neither says whether the project is
 * enabled: disabling a project is an {@code updated} notification like any other change.
 */
public final class ProjectLifecycle {

    private static final String PREFIX = "identity.project.";

    private ProjectLifecycle() {}

    /** Whether the notification is Keystone's about a project. */
    public static boolean concerns(Notification n) {
        return n.eventType().startsWith(PREFIX);
    }

    /**
     * @return empty for a project notification of another kind than created, updated, deleted
     * @throws MalformedNotificationException the notification names no project
     */
    public static Optional<ProjectEvent> eventOf(Notification n) throws MalformedNotificationException {
        ProjectEvent.Kind kind;
        try {
            kind = ProjectEvent.Kind.valueOf(
                    n.eventType().substring(PREFIX.length()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException other) {
            return Optional.empty();
        }
        JsonNode p = n.payload();
        String projectId = text(p.get("resource_info"));
        if (projectId == null) {
            projectId = text(p.path("target").get("id"));
        }
        if (projectId == null) {
            throw new MalformedNotificationException(
                    n.eventType() + " names no project (no resource_info, no target.id)");
        }
        Instant eventTime = CeilometerTime.parse(text(p.get("eventTime")))
                .or(() -> CeilometerTime.parse(n.timestamp()))
                .orElseThrow(() ->
                        new MalformedNotificationException(n.eventType() + " has no readable time: " + n.timestamp()))
                .toInstant();
        JsonNode enabled = p.get("enabled");
        return Optional.of(new ProjectEvent(
                projectId,
                kind,
                eventTime,
                enabled != null && enabled.isBoolean() ? enabled.booleanValue() : null,
                text(p.path("initiator").get("user_id")),
                n.messageId()));
    }

    private static String text(JsonNode value) {
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }
}
