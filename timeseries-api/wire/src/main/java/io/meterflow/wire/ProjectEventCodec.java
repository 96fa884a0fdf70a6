package io.meterflow.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Version 1 of {@link Topics#PROJECT_EVENTS}' values (docs/wire-formats.md): {@code project_id},
 * {@code event} ({@code created}, {@code updated}, {@code deleted}), {@code event_time} (ISO-8601,
 * UTC), {@code enabled} only where the notification states it, {@code initiator_user_id} where
 * known, {@code message_id}. Reading skips unknown fields and refuses another {@code
 * format_version}, an unknown event, a missing project, time or message id.
 */
public final class ProjectEventCodec {

    public static final int VERSION = 1;

    private final ObjectMapper json;

    public ProjectEventCodec(ObjectMapper json) {
        this.json = json;
    }

    public byte[] encode(ProjectEvent event) {
        ObjectNode value = json.createObjectNode();
        value.put("format_version", VERSION);
        value.put("project_id", event.projectId());
        value.put("event", event.kind().name().toLowerCase(Locale.ROOT));
        value.put("event_time", event.eventTime().toString());
        if (event.enabled() != null) {
            value.put("enabled", event.enabled());
        }
        if (event.initiatorUserId() != null) {
            value.put("initiator_user_id", event.initiatorUserId());
        }
        value.put("message_id", event.messageId());
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a project event did not serialise", e);
        }
    }

    /** The event of one record value; {@link MalformedRecordException} with the reason if it is none. */
    public ProjectEvent decode(byte[] value) {
        JsonNode event = JsonFields.object(json, value, "project event");
        JsonFields.requireVersion(event, VERSION);
        String kind = JsonFields.requiredText(event, "event");
        ProjectEvent.Kind parsedKind;
        try {
            parsedKind = ProjectEvent.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new MalformedRecordException("unknown event " + kind + " (created, updated or deleted)");
        }
        Instant eventTime;
        try {
            eventTime = Instant.parse(JsonFields.requiredText(event, "event_time"));
        } catch (DateTimeParseException e) {
            throw new MalformedRecordException("event_time is not an ISO-8601 instant: " + e.getParsedString());
        }
        String projectId = JsonFields.requiredText(event, "project_id");
        if (projectId.isBlank()) {
            throw new MalformedRecordException("project_id is empty");
        }
        JsonNode enabled = event.get("enabled");
        return new ProjectEvent(
                projectId,
                parsedKind,
                eventTime,
                enabled != null && enabled.isBoolean() ? enabled.booleanValue() : null,
                JsonFields.optionalText(event, "initiator_user_id"),
                JsonFields.requiredText(event, "message_id"));
    }
}
