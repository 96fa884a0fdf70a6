package io.meterflow.timeseries.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The resource type a group of meters belongs to, and where each of its attributes is found in
 * a sample's {@code resource_metadata}: a list of dotted paths, the first that holds a non-null
 * value wins (Ceilometer writes this as {@code resource_metadata.(instance_host|host)}).
 */
record ResourceMapping(String resourceType, Map<String, List<String>> attributePaths) {

    ResourceMapping {
        Objects.requireNonNull(resourceType, "resourceType");
        attributePaths = Map.copyOf(attributePaths);
    }

    /** The attributes this sample's metadata gives; those it lacks are absent, not null. */
    ObjectNode attributes(JsonNode metadata) {
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, List<String>> attribute : attributePaths.entrySet()) {
            for (String path : attribute.getValue()) {
                JsonNode value = at(metadata, path);
                if (value != null && !value.isNull()) {
                    attributes.set(attribute.getKey(), value);
                    break;
                }
            }
        }
        return attributes;
    }

    private static JsonNode at(JsonNode metadata, String dottedPath) {
        JsonNode node = metadata;
        int start = 0;
        while (node != null && start <= dottedPath.length()) {
            int dot = dottedPath.indexOf('.', start);
            int end = dot < 0 ? dottedPath.length() : dot;
            node = node.isObject() ? node.get(dottedPath.substring(start, end)) : null;
            if (dot < 0) {
                return node;
            }
            start = dot + 1;
        }
        return node;
    }
}
