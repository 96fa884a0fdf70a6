package io.meterflow.timeseries.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.timeseries.time.Timestamps;
import java.time.Instant;
import java.util.Locale;

/** Reads version 1 of the collector's resource events (docs/collector.md, "Kafka formats"). */
final class ResourceEventFormat {

    static final int VERSION = 1;

    private final ObjectMapper json;
    private final Timestamps timestamps;

    ResourceEventFormat(ObjectMapper json, Timestamps timestamps) {
        this.json = json;
        this.timestamps = timestamps;
    }

    ResourceEvent decode(byte[] value) {
        JsonNode event = InputFields.object(json, value, "resource event");
        InputFields.requireVersion(event, VERSION);
        String kind = InputFields.requiredText(event, "event");
        ResourceEvent.Kind parsedKind;
        try {
            parsedKind = ResourceEvent.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new MalformedInputException("unknown event " + kind + " (created, updated or deleted)");
        }
        JsonNode attributes = event.get("attributes");
        if (attributes != null && !attributes.isNull() && !attributes.isObject()) {
            throw new MalformedInputException("attributes is not a JSON object");
        }
        String endedAt = InputFields.optionalText(event, "ended_at");
        return new ResourceEvent(parsedKind, InputFields.requiredText(event, "resource_id"),
                InputFields.requiredText(event, "resource_type"),
                instant("event_time", InputFields.requiredText(event, "event_time")),
                InputFields.optionalText(event, "user_id"), InputFields.optionalText(event, "project_id"),
                attributes == null || attributes.isNull() ? JsonNodeFactory.instance.objectNode()
                        : (ObjectNode) attributes,
                endedAt == null || endedAt.isEmpty() ? null : instant("ended_at", endedAt));
    }

    private Instant instant(String field, String text) {
        try {
            long nanos = timestamps.parseOne(text);
            return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        } catch (IllegalArgumentException unparseable) {
            throw new MalformedInputException(field + " " + text + ": " + unparseable.getMessage());
        }
    }
}
