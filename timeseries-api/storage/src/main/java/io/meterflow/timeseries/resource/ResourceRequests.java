package io.meterflow.timeseries.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.timeseries.failure.InvalidInputException;
import io.meterflow.timeseries.resourceid.ResourceIds;
import io.meterflow.timeseries.resourcetype.AttributeSchema;
import io.meterflow.timeseries.resourcetype.ResourceType;
import io.meterflow.timeseries.time.Timestamps;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Validates resource bodies against their type's schema, with voluptuous' messages. */
public final class ResourceRequests {

    private final Timestamps timestamps;

    public ResourceRequests(Timestamps timestamps) {
        this.timestamps = timestamps;
    }

    /** {@code POST /v1/resource/{type}}: {@code id} and the type's required attributes are required. */
    public ResourceRequest parseCreation(ResourceType type, JsonNode body, String creator) {
        ResourceRequest parsed = parse(type, body, creator, true);
        for (AttributeSchema attribute : type.attributes()) {
            if (attribute.required() && !parsed.attributes().has(attribute.name())) {
                throw required(attribute.name());
            }
        }
        return parsed;
    }

    /** {@code PATCH}: any subset of the generic fields and attributes, never the id. */
    public ResourceRequest parseUpdate(ResourceType type, JsonNode body, String creator) {
        return parse(type, body, creator, false);
    }

    /**
     * A resource a stream job creates from what a sample or a resource event says, validated as a
     * creation body is: {@code owners} holds {@code user_id} and {@code project_id} where known.
     */
    public ResourceRequest creation(
            ResourceType type,
            String originalId,
            String creator,
            Map<String, String> owners,
            ObjectNode attributes,
            Map<String, ResourceRequest.MetricLink> metrics) {
        UUID id;
        try {
            id = ResourceIds.toResourceUuid(originalId, creator);
        } catch (IllegalArgumentException unusable) {
            throw invalid(unusable.getMessage(), "id");
        }
        ObjectNode normalized = normalizedAttributes(type, attributes);
        for (AttributeSchema attribute : type.attributes()) {
            if (attribute.required() && !normalized.has(attribute.name())) {
                throw required(attribute.name());
            }
        }
        metrics.forEach((name, link) -> checkNewMetric(name, link.unit(), List.of("metrics")));
        return new ResourceRequest(originalId, id, new LinkedHashMap<>(owners), normalized, metrics);
    }

    /** Attributes (and owners, where given) a stream job changes, validated as a PATCH body is. */
    public ResourceRequest attributeUpdate(ResourceType type, Map<String, String> owners, ObjectNode attributes) {
        return new ResourceRequest(
                null, null, new LinkedHashMap<>(owners), normalizedAttributes(type, attributes), null);
    }

    /** A new metric to attach, by name, validated as one in a body is. */
    public static Map<String, ResourceRequest.MetricLink> newMetric(
            String name, String archivePolicyName, String unit) {
        checkNewMetric(name, unit, List.of());
        return Map.of(name, new ResourceRequest.MetricLink(null, archivePolicyName, unit));
    }

    /** {@code POST .../metric}: the metrics map alone. */
    public Map<String, ResourceRequest.MetricLink> parseMetrics(JsonNode body) {
        if (!body.isObject()) {
            throw InvalidInputException.field("expected a dictionary", List.of());
        }
        return metrics(body, List.of());
    }

    private ResourceRequest parse(ResourceType type, JsonNode body, String creator, boolean creation) {
        if (!body.isObject()) {
            throw InvalidInputException.field("expected a dictionary", List.of());
        }
        String originalId = null;
        UUID id = null;
        Map<String, Object> generic = new LinkedHashMap<>();
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        Map<String, ResourceRequest.MetricLink> metrics = null;
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (creation && key.equals("id")) {
                if (!value.isTextual()) {
                    throw invalid("expected str", key);
                }
                originalId = value.asText();
                try {
                    id = ResourceIds.toResourceUuid(originalId, creator);
                } catch (IllegalArgumentException unusable) {
                    throw invalid(unusable.getMessage(), key);
                }
            } else if (key.equals("started_at") || key.equals("ended_at")) {
                generic.put(key, timestamp(key, value));
            } else if (key.equals("user_id") || key.equals("project_id")) {
                if (!value.isNull() && !value.isTextual()) {
                    throw invalid("expected str", key);
                }
                generic.put(key, value.isNull() ? null : value.asText());
            } else if (key.equals("metrics")) {
                if (!value.isObject()) {
                    throw invalid("expected a dictionary", key);
                }
                metrics = metrics(value, List.of("metrics"));
            } else {
                attributes.set(key, normalizedAttribute(type, key, value));
            }
        }
        if (creation && id == null) {
            throw required("id");
        }
        return new ResourceRequest(originalId, id, generic, attributes, metrics);
    }

    private static ObjectNode normalizedAttributes(ResourceType type, ObjectNode given) {
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        given.fields()
                .forEachRemaining(field ->
                        attributes.set(field.getKey(), normalizedAttribute(type, field.getKey(), field.getValue())));
        return attributes;
    }

    private static JsonNode normalizedAttribute(ResourceType type, String key, JsonNode value) {
        AttributeSchema attribute = type.attribute(key)
                .orElseThrow(() ->
                        InvalidInputException.field("extra keys not allowed @ data['" + key + "']", List.of(key)));
        try {
            return attribute.normalize(value);
        } catch (AttributeSchema.InvalidAttributeValue invalid) {
            throw invalid(invalid.getMessage(), key);
        }
    }

    private static void checkNewMetric(String name, String unit, List<String> path) {
        if (name.contains("/")) {
            throw InvalidInputException.because("'/' is not supported in metric name");
        }
        if (unit != null && unit.length() > 31) {
            throw InvalidInputException.field(
                    "length of value must be at most 31 for dictionary value @ " + where(append(path, name), "unit"),
                    append(append(path, name), "unit"));
        }
    }

    private Instant timestamp(String key, JsonNode value) {
        if (value.isNull() && key.equals("ended_at")) {
            return null;
        }
        try {
            Object raw = value.isNumber() ? value.decimalValue() : value.isTextual() ? value.asText() : null;
            long nanos = timestamps.parseOne(raw);
            return Instant.ofEpochSecond(0, nanos);
        } catch (RuntimeException invalid) {
            throw invalid("not a valid value", key);
        }
    }

    private static Map<String, ResourceRequest.MetricLink> metrics(JsonNode value, List<String> path) {
        Map<String, ResourceRequest.MetricLink> links = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = value.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String name = entry.getKey();
            JsonNode definition = entry.getValue();
            if (definition.isTextual()) {
                UUID existing = ResourceIds.parseUuid(definition.asText())
                        .orElseThrow(() -> InvalidInputException.field(
                                "expected a dictionary for dictionary value @ " + where(path, name),
                                append(path, name)));
                links.put(name, new ResourceRequest.MetricLink(existing, null, null));
                continue;
            }
            if (!definition.isObject()) {
                throw InvalidInputException.field(
                        "expected a dictionary for dictionary value @ " + where(path, name), append(path, name));
            }
            Iterator<String> keys = definition.fieldNames();
            while (keys.hasNext()) {
                String key = keys.next();
                if (!Set.of("archive_policy_name", "unit", "name", "resource_id")
                        .contains(key)) {
                    throw InvalidInputException.field(
                            "extra keys not allowed @ " + where(append(path, name), key),
                            append(append(path, name), key));
                }
            }
            String unit = definition.hasNonNull("unit") ? definition.get("unit").asText() : null;
            checkNewMetric(name, unit, path);
            String policy = definition.hasNonNull("archive_policy_name")
                    ? definition.get("archive_policy_name").asText()
                    : null;
            links.put(name, new ResourceRequest.MetricLink(null, policy, unit));
        }
        return links;
    }

    private static List<String> append(List<String> path, String element) {
        List<String> longer = new java.util.ArrayList<>(path);
        longer.add(element);
        return List.copyOf(longer);
    }

    private static String where(List<String> path, String key) {
        StringBuilder where = new StringBuilder("data");
        for (String element : append(path, key)) {
            where.append("['").append(element).append("']");
        }
        return where.toString();
    }

    private static InvalidInputException invalid(String reason, String key) {
        return InvalidInputException.field(reason + " for dictionary value @ data['" + key + "']", List.of(key));
    }

    private static InvalidInputException required(String key) {
        return InvalidInputException.field("required key not provided @ data['" + key + "']", List.of(key));
    }
}
