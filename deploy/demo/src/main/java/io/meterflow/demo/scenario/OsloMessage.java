package io.meterflow.demo.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;

/**
 * One notification as an OpenStack service's oslo.messaging notifier puts it on the bus.
 *
 * @param eventTime when the simulated service sent it (the message's {@code timestamp})
 * @param resourceId the resource it describes, for tests and the wait for measures
 * @param message the inner message: message_id, publisher_id, event_type, priority, payload,
 *     timestamp and the request context
 */
public record OsloMessage(
        String exchange,
        String routingKey,
        Instant eventTime,
        String messageId,
        String eventType,
        String resourceId,
        ObjectNode message) {

    public OsloMessage {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(routingKey, "routingKey");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(message, "message");
    }

    /** oslo.messaging's version 2 envelope: the message as a JSON string inside a JSON object. */
    public byte[] envelope(ObjectMapper json) {
        try {
            ObjectNode envelope = json.createObjectNode();
            envelope.put("oslo.version", "2.0");
            envelope.put("oslo.message", json.writeValueAsString(message));
            return json.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
