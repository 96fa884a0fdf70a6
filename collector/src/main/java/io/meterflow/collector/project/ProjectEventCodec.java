package io.meterflow.collector.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * A project event's Kafka value, JSON ({@code docs/collector.md}, "Project lifecycle"): {@code
 * project_id}, {@code event} ({@code created}, {@code updated}, {@code deleted}), {@code
 * event_time} (ISO-8601, UTC), {@code enabled} only where the notification states it, {@code
 * initiator_user_id} where known, {@code message_id}. The key is the project id.
 */
public final class ProjectEventCodec {

    private final ObjectMapper json;

    public ProjectEventCodec(ObjectMapper json) {
        this.json = json;
    }

    public byte[] encode(ProjectEvent event) {
        ObjectNode value = json.createObjectNode();
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
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }
}
