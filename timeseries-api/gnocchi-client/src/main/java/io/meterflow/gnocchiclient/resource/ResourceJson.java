package io.meterflow.gnocchiclient.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.gnocchiclient.error.GnocchiResponseException;
import io.meterflow.gnocchiclient.internal.GnocchiTimestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads resources from Gnocchi's JSON; pure. */
final class ResourceJson {

    /** Fields {@link Resource} names; the rest stay in its attributes. */
    private static final List<String> NAMED = List.of(
            "id",
            "type",
            "project_id",
            "user_id",
            "original_resource_id",
            "started_at",
            "ended_at",
            "revision_start",
            "revision_end",
            "metrics");

    private ResourceJson() {}

    static List<Resource> list(JsonNode answer) {
        if (!answer.isArray()) {
            throw new GnocchiResponseException("expected a list of resources, got " + abbreviate(answer));
        }
        List<Resource> resources = new ArrayList<>(answer.size());
        answer.forEach(resource -> resources.add(one(resource)));
        return List.copyOf(resources);
    }

    static Resource one(JsonNode resource) {
        if (!resource.isObject() || !resource.path("id").isTextual()) {
            throw new GnocchiResponseException("expected a resource with an id, got " + abbreviate(resource));
        }
        try {
            ObjectNode attributes = ((ObjectNode) resource).deepCopy();
            attributes.remove(NAMED);
            return new Resource(
                    UUID.fromString(resource.get("id").asText()),
                    text(resource, "type"),
                    text(resource, "project_id"),
                    text(resource, "user_id"),
                    text(resource, "original_resource_id"),
                    time(resource, "started_at"),
                    time(resource, "ended_at"),
                    time(resource, "revision_start"),
                    time(resource, "revision_end"),
                    metrics(resource.path("metrics")),
                    attributes);
        } catch (IllegalArgumentException invalid) {
            throw new GnocchiResponseException(
                    "unreadable resource " + resource.get("id") + ": " + invalid.getMessage(), invalid);
        }
    }

    private static Map<String, UUID> metrics(JsonNode metrics) {
        Map<String, UUID> byName = new LinkedHashMap<>();
        // With details some servers nest metric objects; the plain form is name -> id.
        metrics.properties()
                .forEach(entry -> byName.put(
                        entry.getKey(),
                        UUID.fromString(
                                entry.getValue().isObject()
                                        ? entry.getValue().path("id").asText()
                                        : entry.getValue().asText())));
        return byName;
    }

    private static String text(JsonNode resource, String field) {
        JsonNode value = resource.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    private static Instant time(JsonNode resource, String field) {
        String text = text(resource, field);
        return text == null ? null : GnocchiTimestamps.parse(text);
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
