package io.meterflow.timeseries.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.timeseries.resourcetype.AttributeSchema;
import io.meterflow.timeseries.resourcetype.ResourceType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Attributes from a sample or event fitted to their resource type: values normalised as the API
 * stores them, names the type does not have left out (an event carries more than any type
 * holds, a mapping may name what an operator removed), and empty strings of non-string
 * attributes left out as absent (services send {@code ""} for a time not reached yet). A value
 * the type refuses is a malformed input.
 */
record FittedAttributes(ObjectNode values, List<String> unknown) {

    FittedAttributes {
        unknown = List.copyOf(unknown);
    }

    static FittedAttributes fit(ResourceType type, JsonNode raw, String resourceId) {
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        List<String> unknown = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = raw.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            AttributeSchema schema = type.attribute(field.getKey()).orElse(null);
            if (schema == null) {
                unknown.add(field.getKey());
                continue;
            }
            JsonNode value = field.getValue();
            if (value.isNull()
                    || (value.isTextual() && value.asText().isEmpty() && !"string".equals(schema.typeName()))) {
                continue;
            }
            try {
                values.set(field.getKey(), schema.normalize(value));
            } catch (AttributeSchema.InvalidAttributeValue invalid) {
                throw new MalformedInputException("resource " + resourceId + ": attribute " + field.getKey() + " = "
                        + value + " does not fit resource type " + type.name() + ": " + invalid.getMessage());
            }
        }
        return new FittedAttributes(values, unknown);
    }

    /** Whether a resource holding {@code current} would change by these values. */
    boolean changes(ObjectNode current) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = values.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().equals(current.get(field.getKey()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A 64-bit FNV-1a hash of the values, for the cache: cheaper to keep per resource than the
     * values, and a collision costs at most one skipped attribute update until the entry expires.
     */
    static long hash(String resourceType, ObjectNode raw) {
        long hash = 0xcbf29ce484222325L;
        hash = mix(hash, resourceType);
        for (Iterator<Map.Entry<String, JsonNode>> fields = raw.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            hash = mix(hash, field.getKey());
            JsonNode value = field.getValue();
            hash = mix(hash, value.isTextual() ? value.asText() : value.toString());
        }
        return hash;
    }

    private static long mix(long hash, String text) {
        long mixed = hash;
        for (int i = 0; i < text.length(); i++) {
            mixed ^= text.charAt(i);
            mixed *= 0x100000001b3L;
        }
        mixed ^= 0x1f; // field separator: "ab","c" differs from "a","bc"
        return mixed * 0x100000001b3L;
    }
}
