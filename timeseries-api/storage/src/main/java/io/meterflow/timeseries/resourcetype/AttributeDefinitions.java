package io.meterflow.timeseries.resourcetype;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.timeseries.time.Timestamps;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads attribute definitions ({@code {"type": "string", "required": true, "max_length": 5}})
 * with Gnocchi's rules and messages, and converts them to and from the stored JSON.
 */
public final class AttributeDefinitions {

    /** Names that would clash with the generic attributes of every resource. */
    private static final Set<String> RESERVED = Set.of(
            "id",
            "type",
            "metrics",
            "revision",
            "revision_start",
            "revision_end",
            "started_at",
            "ended_at",
            "user_id",
            "project_id",
            "created_by_user_id",
            "created_by_project_id",
            "get_metric",
            "creator");

    private static final Pattern VALID_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_]*.*");
    private static final Map<String, Set<String>> KEYS = Map.of(
            "string", Set.of("type", "required", "options", "min_length", "max_length"),
            "uuid", Set.of("type", "required", "options"),
            "number", Set.of("type", "required", "options", "min", "max"),
            "bool", Set.of("type", "required", "options"),
            "datetime", Set.of("type", "required", "options"));

    private final ObjectMapper json;
    private final Timestamps timestamps;

    public AttributeDefinitions(ObjectMapper json, Timestamps timestamps) {
        this.json = json;
        this.timestamps = timestamps;
    }

    /** A definition that does not fit any attribute type's schema (voluptuous' message). */
    public static final class InvalidDefinition extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final List<String> path;

        InvalidDefinition(String reason, List<String> path) {
            super(reason);
            this.path = List.copyOf(path);
        }

        public List<String> path() {
            return path;
        }
    }

    /** A definition that fits the schema but not Gnocchi's semantic rules ("Invalid input: ..."). */
    public static final class InvalidAttribute extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidAttribute(String message) {
            super(message);
        }
    }

    /** Checks the shape of one definition, as the meta-schema of its type. */
    public void checkShape(String name, JsonNode definition, boolean withOptions) {
        List<String> path = List.of("attributes", name);
        String where = "data['attributes']['" + name + "']";
        if (definition == null || !definition.isObject()) {
            throw new InvalidDefinition("expected a dictionary for dictionary value @ " + where, path);
        }
        JsonNode type = definition.get("type");
        Set<String> keys = type != null && type.isTextual() ? KEYS.get(type.asText()) : null;
        if (keys == null) {
            throw new InvalidDefinition(
                    "not a valid value for dictionary value @ " + where + "['type']",
                    List.of("attributes", name, "type"));
        }
        Iterator<String> names = definition.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!keys.contains(key) || (key.equals("options") && !withOptions)) {
                throw new InvalidDefinition(
                        "extra keys not allowed @ " + where + "['" + key + "']", List.of("attributes", name, key));
            }
        }
        if (definition.has("required") && !definition.get("required").isBoolean()) {
            throw new InvalidDefinition(
                    "expected bool for dictionary value @ " + where + "['required']",
                    List.of("attributes", name, "required"));
        }
        for (String lengthKey : List.of("min_length", "max_length")) {
            JsonNode length = definition.get(lengthKey);
            int lowest = lengthKey.equals("min_length") ? 0 : 1;
            if (length != null && (!length.isIntegralNumber() || length.asInt() < lowest || length.asInt() > 255)) {
                throw new InvalidDefinition(
                        "not a valid value for dictionary value @ " + where + "['" + lengthKey + "']",
                        List.of("attributes", name, lengthKey));
            }
        }
        for (String boundKey : List.of("min", "max")) {
            JsonNode bound = definition.get(boundKey);
            if (bound != null && !bound.isNull() && !bound.isNumber()) {
                throw new InvalidDefinition(
                        "not a valid value for dictionary value @ " + where + "['" + boundKey + "']",
                        List.of("attributes", name, boundKey));
            }
        }
        JsonNode options = definition.get("options");
        if (options != null && !options.isObject()) {
            throw new InvalidDefinition(
                    "expected a dictionary for dictionary value @ " + where + "['options']",
                    List.of("attributes", name, "options"));
        }
    }

    /** Builds an attribute from a definition whose shape was checked. */
    public AttributeSchema fromDefinition(String name, JsonNode definition) {
        if (name.length() > 63
                || RESERVED.contains(name)
                || !VALID_NAME.matcher(name).matches()) {
            throw new InvalidAttribute("Resource attribute name " + name + " is invalid");
        }
        boolean required =
                !definition.has("required") || definition.get("required").asBoolean();
        return switch (definition.get("type").asText()) {
            case "string" -> {
                int min = definition.has("min_length")
                        ? definition.get("min_length").asInt()
                        : 0;
                int max = definition.has("max_length")
                        ? definition.get("max_length").asInt()
                        : 255;
                if (min > max) {
                    throw rangeError(Integer.toString(min), Integer.toString(max));
                }
                yield new StringAttribute(name, required, min, max);
            }
            case "number" -> {
                BigDecimal min = bound(definition.get("min"));
                BigDecimal max = bound(definition.get("max"));
                if (min != null && max != null && min.compareTo(max) > 0) {
                    throw rangeError(min.toPlainString(), max.toPlainString());
                }
                yield new NumberAttribute(name, required, min, max);
            }
            case "uuid" -> new UuidAttribute(name, required);
            case "bool" -> new BoolAttribute(name, required);
            case "datetime" -> new DatetimeAttribute(name, required, timestamps);
            default -> throw new IllegalStateException("shape was checked: " + definition);
        };
    }

    /**
     * The value existing resources get when an attribute is added to their type: {@code
     * options.fill}, validated by the attribute; null when there is none (then the attribute
     * must be optional).
     */
    public JsonNode fillValue(AttributeSchema attribute, JsonNode definition) {
        JsonNode options = definition.get("options");
        JsonNode fill = options == null ? null : options.get("fill");
        if (fill == null || fill.isNull()) {
            if (attribute.required()) {
                throw new InvalidAttribute("Option 'fill' of resource attribute " + attribute.name()
                        + " is invalid: must not be empty if required=True");
            }
            return null;
        }
        try {
            return attribute.normalize(fill);
        } catch (AttributeSchema.InvalidAttributeValue invalid) {
            throw new InvalidAttribute(
                    "Option 'fill' of resource attribute " + attribute.name() + " is invalid: " + invalid.getMessage());
        }
    }

    private static BigDecimal bound(JsonNode value) {
        return value == null || value.isNull() ? null : value.decimalValue();
    }

    private static InvalidAttribute rangeError(String min, String max) {
        return new InvalidAttribute("Resource attribute value min (or min_length) " + min
                + " must be less  than or equal to max (or max_length) " + max + "!");
    }

    /** The stored form: a JSON array keeping declaration order. */
    public String toStored(List<AttributeSchema> attributes) {
        ArrayNode array = json.createArrayNode();
        for (AttributeSchema attribute : attributes) {
            ObjectNode item = json.valueToTree(ResourceType.describe(attribute));
            item.put("name", attribute.name());
            array.add(item);
        }
        return array.toString();
    }

    public List<AttributeSchema> fromStored(String stored) {
        try {
            JsonNode array = json.readTree(stored);
            List<AttributeSchema> attributes = new java.util.ArrayList<>();
            for (JsonNode item : array) {
                ObjectNode definition = item.deepCopy();
                String name = definition.remove("name").asText();
                attributes.add(fromDefinition(name, definition));
            }
            return attributes;
        } catch (java.io.IOException corrupt) {
            throw new IllegalStateException("stored resource type attributes are not JSON", corrupt);
        }
    }
}
