package io.meterflow.collector.notification;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Decodes oslo.messaging's two wire forms: the v2 envelope {@code {"oslo.version": "2.0",
 * "oslo.message": "<json string>"}} that every current service sends, and the plain v1 message
 * older or non-oslo publishers send. The request context travels as {@code _context_*} keys.
 */
public final class EnvelopeParser {

    private static final String CONTEXT_PREFIX = "_context_";
    /** Never carried further: oslo.messaging strips them too, and they must not reach Kafka. */
    private static final Set<String> SECRET_CONTEXT_KEYS =
            Set.of("auth_token", "service_token", "auth_token_info", "service_catalog");

    private final ObjectMapper json;

    public EnvelopeParser(ObjectMapper json) {
        this.json = json;
    }

    public Notification parse(byte[] body) throws MalformedNotificationException {
        JsonNode message = usualEnvelope(body);
        return message != null ? notification(message) : notification(unwrap(read(body)));
    }

    /**
     * The message of the envelope every current service sends, exactly {@code {"oslo.version":
     * "2.x", "oslo.message": "..."}} in that order, read off the token stream: the message is parsed
     * straight from the parser's buffer of the unescaped string, without a tree of the envelope or a
     * copy of the string (both showed in profiles). {@code null} for anything else, which then takes
     * the general path below and gets its exact answer (v1, odd order, extra keys, errors).
     */
    private JsonNode usualEnvelope(byte[] body) {
        try (JsonParser outer = json.getFactory().createParser(body)) {
            if (outer.nextToken() != JsonToken.START_OBJECT
                    || !"oslo.version".equals(outer.nextFieldName())
                    || outer.nextToken() != JsonToken.VALUE_STRING
                    || !outer.getText().startsWith("2.")
                    || !"oslo.message".equals(outer.nextFieldName())
                    || outer.nextToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            JsonNode message;
            try (JsonParser inner = json.getFactory()
                    .createParser(outer.getTextCharacters(), outer.getTextOffset(), outer.getTextLength())) {
                message = json.readTree(inner);
            }
            return outer.nextToken() == JsonToken.END_OBJECT && message != null && message.isObject() ? message : null;
        } catch (IOException e) {
            return null;
        }
    }

    private JsonNode unwrap(JsonNode outer) throws MalformedNotificationException {
        JsonNode message = outer;
        if (outer.has("oslo.version")) {
            String version = outer.path("oslo.version").asText();
            if (!version.startsWith("2.")) {
                throw new MalformedNotificationException("unsupported oslo.version " + version);
            }
            JsonNode inner = outer.get("oslo.message");
            if (inner == null || !inner.isTextual()) {
                throw new MalformedNotificationException("oslo.message is not a JSON string");
            }
            message = readText(inner.textValue());
        }
        return message;
    }

    private Notification notification(JsonNode message) throws MalformedNotificationException {
        if (!message.isObject()) {
            throw new MalformedNotificationException("the message is not a JSON object");
        }
        JsonNode eventType = message.get("event_type");
        if (eventType == null || !eventType.isTextual()) {
            throw new MalformedNotificationException("no event_type");
        }
        JsonNode payload = message.get("payload");
        if (payload == null) {
            throw new MalformedNotificationException("no payload");
        }
        return new Notification(
                text(message, "message_id"),
                text(message, "publisher_id"),
                eventType.textValue(),
                text(message, "priority"),
                text(message, "timestamp"),
                payload,
                context((ObjectNode) message));
    }

    private ObjectNode context(ObjectNode message) {
        ObjectNode context = json.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = message.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().startsWith(CONTEXT_PREFIX)) {
                String key = field.getKey().substring(CONTEXT_PREFIX.length());
                if (!SECRET_CONTEXT_KEYS.contains(key)) {
                    context.set(key, field.getValue());
                }
            }
        }
        return context;
    }

    private static String text(JsonNode message, String field) {
        JsonNode value = message.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private JsonNode read(byte[] body) throws MalformedNotificationException {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new MalformedNotificationException("body is not JSON: " + e.getMessage(), e);
        }
    }

    private JsonNode readText(String text) throws MalformedNotificationException {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedNotificationException("oslo.message is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
