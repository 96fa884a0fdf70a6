package io.meterflow.collector.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One oslo.messaging notification, decoded from either envelope version.
 *
 * @param messageId oslo's message_id, the key for de-duplication across redeliveries
 * @param priority lower case, as oslo dispatches it ({@code info}, {@code sample}, ...)
 * @param timestamp the notifier's own time, as sent ({@code 2024-01-15 10:00:00.707221}, UTC)
 * @param context the {@code _context_*} keys without the prefix, secrets removed
 */
public record Notification(
        String messageId,
        String publisherId,
        String eventType,
        String priority,
        String timestamp,
        JsonNode payload,
        ObjectNode context) {

    public Notification {
        Objects.requireNonNull(eventType, "event_type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(context, "context");
        priority = priority == null ? "" : priority.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The document meter definitions query, shaped as Ceilometer hands it to them:
     * {@code {ctxt, publisher_id, event_type, payload, metadata: {message_id, timestamp}}}.
     */
    public ObjectNode document() {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.set("ctxt", context);
        document.put("publisher_id", publisherId);
        document.put("event_type", eventType);
        document.set("payload", payload);
        ObjectNode metadata = document.putObject("metadata");
        metadata.put("message_id", messageId);
        metadata.put("timestamp", timestamp);
        return document;
    }

    public Notification withEvent(String newEventType, JsonNode newPayload) {
        return new Notification(messageId, publisherId, newEventType, priority, timestamp, newPayload, context);
    }
}
