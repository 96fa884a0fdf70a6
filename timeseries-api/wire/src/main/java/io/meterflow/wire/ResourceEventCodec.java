package io.meterflow.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * Version 1 of {@link Topics#RESOURCE_EVENTS}' values (docs/wire-formats.md). Reading skips
 * unknown fields and refuses another {@code format_version}, an unknown {@code event}, a missing
 * {@code resource_id}, {@code resource_type} or {@code event_time}, and attributes that are not
 * an object. An empty {@code ended_at} reads as none.
 */
public final class ResourceEventCodec {

    public static final int VERSION = 1;

    private final ObjectMapper json;

    public ResourceEventCodec(ObjectMapper json) {
        this.json = json;
    }

    public byte[] encode(ResourceEvent event) {
        ObjectNode node = json.createObjectNode();
        node.put("format_version", VERSION);
        node.put("resource_id", event.resourceId());
        node.put("resource_type", event.resourceType());
        node.put("event", event.event().name().toLowerCase(Locale.ROOT));
        node.put("event_time", event.eventTime());
        node.put("project_id", event.projectId());
        node.put("user_id", event.userId());
        node.set("attributes", event.attributes());
        node.put("ended_at", event.endedAt());
        node.put("message_id", event.messageId());
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a resource event did not serialise", e);
        }
    }

    /** The event of one record value; {@link MalformedRecordException} with the reason if it is none. */
    public ResourceEvent decode(byte[] value) {
        JsonNode event = JsonFields.object(json, value, "resource event");
        JsonFields.requireVersion(event, VERSION);
        String kind = JsonFields.requiredText(event, "event");
        ResourceEvent.Kind parsedKind;
        try {
            parsedKind = ResourceEvent.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new MalformedRecordException("unknown event " + kind + " (created, updated or deleted)");
        }
        JsonNode attributes = event.get("attributes");
        if (attributes != null && !attributes.isNull() && !attributes.isObject()) {
            throw new MalformedRecordException("attributes is not a JSON object");
        }
        String endedAt = JsonFields.optionalText(event, "ended_at");
        return new ResourceEvent(
                JsonFields.requiredText(event, "resource_id"),
                JsonFields.requiredText(event, "resource_type"),
                parsedKind,
                JsonFields.requiredText(event, "event_time"),
                JsonFields.optionalText(event, "project_id"),
                JsonFields.optionalText(event, "user_id"),
                attributes == null || attributes.isNull()
                        ? JsonNodeFactory.instance.objectNode()
                        : (ObjectNode) attributes,
                endedAt == null || endedAt.isEmpty() ? null : endedAt,
                JsonFields.optionalText(event, "message_id"));
    }
}
