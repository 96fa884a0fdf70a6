package io.meterflow.timeseries.resourcetype;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resource type: a name and the typed attributes its resources carry besides the generic ones.
 * {@code generic} has none and always exists.
 */
public record ResourceType(String name, String state, List<AttributeSchema> attributes) {

    public static final String GENERIC = "generic";

    public ResourceType {
        attributes = List.copyOf(attributes);
    }

    public Optional<AttributeSchema> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
    }

    /** Gnocchi's JSON: {@code {"name", "attributes": {name: {type, required, ...}}, "state"}}. */
    public Map<String, Object> toJson() {
        Map<String, Object> described = new LinkedHashMap<>();
        for (AttributeSchema attribute : attributes) {
            described.put(attribute.name(), describe(attribute));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("attributes", described);
        json.put("name", name);
        json.put("state", state);
        return json;
    }

    static Map<String, Object> describe(AttributeSchema attribute) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("required", attribute.required());
        json.put("type", attribute.typeName());
        json.putAll(attribute.options());
        return json;
    }
}
