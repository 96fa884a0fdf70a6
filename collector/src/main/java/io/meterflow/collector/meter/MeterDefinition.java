package io.meterflow.collector.meter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One entry of meters.yaml, compiled. {@code name}, {@code type} and {@code unit} are literals that
 * a JSONPath of the same text overrides when it finds something (that is how Ceilometer reads
 * them, and how {@code lookup} entries take their names from the payload).
 *
 * @param key the entry's {@code name} text, which identifies it (a later duplicate replaces it)
 * @param lookup the attributes that come one per sample from the payload; empty for a plain entry
 */
record MeterDefinition(
        String key,
        List<Pattern> eventTypes,
        String name,
        String type,
        String unit,
        Map<String, Field> attributes,
        Map<String, Field> metadata,
        Field userMetadata,
        List<String> lookup) {

    static final List<String> ATTRIBUTES =
            List.of("name", "type", "volume", "unit", "timestamp", "user_id", "project_id", "resource_id");

    MeterDefinition {
        eventTypes = List.copyOf(eventTypes);
        attributes = Map.copyOf(attributes);
        metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
        lookup = List.copyOf(lookup);
    }

    boolean matches(String eventType) {
        for (Pattern pattern : eventTypes) {
            if (pattern.matcher(eventType).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    Field attribute(String attribute) {
        return attributes.get(attribute);
    }

    boolean isLookup() {
        return !lookup.isEmpty();
    }

    static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }
}
