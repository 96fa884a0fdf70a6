package io.meterflow.timeseries.resourcetype;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.timeseries.failure.InvalidInputException;
import io.meterflow.timeseries.input.JsonFields;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns request bodies into resource types, with Gnocchi's two kinds of 400. */
public final class ResourceTypeRequests {

    private final AttributeDefinitions definitions;

    public ResourceTypeRequests(AttributeDefinitions definitions) {
        this.definitions = definitions;
    }

    /** {@code POST /v1/resource_type}: {@code {"name", "attributes"?}}. */
    public ResourceType parseCreation(JsonNode body) {
        JsonFields fields = JsonFields.of(body, Set.of("name", "attributes"));
        String name = fields.requiredString("name");
        JsonNode attributes = body.get("attributes");
        if (attributes != null && !attributes.isObject()) {
            throw InvalidInputException.field(
                    "expected a dictionary for dictionary value @ data['attributes']", List.of("attributes"));
        }
        Map<String, JsonNode> declared = new LinkedHashMap<>();
        if (attributes != null) {
            attributes.fields().forEachRemaining(entry -> declared.put(entry.getKey(), entry.getValue()));
        }
        declared.forEach((attribute, definition) -> checkShape(attribute, definition, false));
        List<AttributeSchema> schemas = new ArrayList<>();
        declared.forEach((attribute, definition) -> schemas.add(build(attribute, definition)));
        return new ResourceType(name, "active", schemas);
    }

    /** An attribute added by a PATCH, with the value existing resources get. */
    public record AddedAttribute(AttributeSchema schema, JsonNode fill) {}

    /** The change a JSON patch makes to a type's attributes. */
    public record AttributeChange(List<AddedAttribute> added, List<String> removed) {
        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty();
        }
    }

    /**
     * {@code PATCH /v1/resource_type/{name}}: applies the JSON patch ({@code add}/{@code remove}
     * of {@code /attributes/...}) to the current attributes in order, then validates the result.
     */
    public AttributeChange parsePatch(ResourceType current, JsonNode patch) {
        if (!patch.isArray()) {
            throw InvalidInputException.field("expected a list", List.of());
        }
        Map<String, JsonNode> next = new LinkedHashMap<>();
        for (AttributeSchema attribute : current.attributes()) {
            next.put(attribute.name(), null);
        }
        int index = 0;
        for (JsonNode operation : patch) {
            String at = "data[" + index + "]";
            List<String> path = List.of(Integer.toString(index));
            if (!operation.isObject()) {
                throw InvalidInputException.field("expected a dictionary @ " + at, path);
            }
            Iterator<String> keys = operation.fieldNames();
            while (keys.hasNext()) {
                String key = keys.next();
                if (!Set.of("op", "path", "value").contains(key)) {
                    throw InvalidInputException.field(
                            "extra keys not allowed @ " + at + "['" + key + "']",
                            List.of(Integer.toString(index), key));
                }
            }
            JsonNode op = operation.get("op");
            if (op == null || !(op.asText().equals("add") || op.asText().equals("remove")) || !op.isTextual()) {
                throw InvalidInputException.field(
                        "not a valid value for dictionary value @ " + at + "['op']",
                        List.of(Integer.toString(index), "op"));
            }
            JsonNode target = operation.get("path");
            if (target == null || !target.isTextual() || !target.asText().startsWith("/attributes")) {
                throw InvalidInputException.field(
                        "Only attributes can be modified for dictionary value @ " + at + "['path']",
                        List.of(Integer.toString(index), "path"));
            }
            JsonNode value = operation.get("value");
            if (value != null && !value.isObject()) {
                throw InvalidInputException.field(
                        "expected dict for dictionary value @ " + at + "['value']",
                        List.of(Integer.toString(index), "value"));
            }
            String attribute = target.asText().startsWith("/attributes/")
                    ? target.asText()
                            .substring("/attributes/".length())
                            .replace("~1", "/")
                            .replace("~0", "~")
                    : "";
            if (attribute.isEmpty()) {
                throw InvalidInputException.because(
                        "Invalid input: expected a dictionary for dictionary value @ " + "data['attributes']");
            }
            if (op.asText().equals("add")) {
                if (value == null) {
                    throw InvalidInputException.because("The operation does not contain a 'value' member");
                }
                next.put(attribute, value);
            } else if (!next.containsKey(attribute)) {
                throw InvalidInputException.because("can't remove a non-existent object '" + attribute + "'");
            } else {
                next.remove(attribute);
            }
            index++;
        }
        List<AddedAttribute> added = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : next.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            try {
                definitions.checkShape(entry.getKey(), entry.getValue(), true);
            } catch (AttributeDefinitions.InvalidDefinition invalid) {
                throw InvalidInputException.because("Invalid input: " + invalid.getMessage());
            }
        }
        for (Map.Entry<String, JsonNode> entry : next.entrySet()) {
            if (entry.getValue() == null || current.attribute(entry.getKey()).isPresent()) {
                continue;
            }
            AttributeSchema schema = build(entry.getKey(), entry.getValue());
            try {
                added.add(new AddedAttribute(schema, definitions.fillValue(schema, entry.getValue())));
            } catch (AttributeDefinitions.InvalidAttribute invalid) {
                throw InvalidInputException.because("Invalid input: " + invalid.getMessage());
            }
        }
        List<String> removed = current.attributes().stream()
                .map(AttributeSchema::name)
                .filter(name -> !next.containsKey(name))
                .toList();
        return new AttributeChange(added, removed);
    }

    private void checkShape(String attribute, JsonNode definition, boolean withOptions) {
        try {
            definitions.checkShape(attribute, definition, withOptions);
        } catch (AttributeDefinitions.InvalidDefinition invalid) {
            throw InvalidInputException.field(invalid.getMessage(), invalid.path());
        }
    }

    private AttributeSchema build(String attribute, JsonNode definition) {
        try {
            return definitions.fromDefinition(attribute, definition);
        } catch (AttributeDefinitions.InvalidAttribute invalid) {
            throw InvalidInputException.because("Invalid input: " + invalid.getMessage());
        }
    }
}
