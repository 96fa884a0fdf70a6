package io.meterflow.timeseries.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads fields of a JSON request object, failing with voluptuous' wording (Gnocchi validates its
 * bodies with voluptuous, and clients and tests match those messages).
 */
public final class JsonFields {

    private final JsonNode object;
    private final String path;

    private JsonFields(JsonNode object, String path) {
        this.object = object;
        this.path = path;
    }

    /** Starts reading {@code body}, which must be an object holding only {@code allowed} keys. */
    public static JsonFields of(JsonNode body, Set<String> allowed) {
        return at(body, "data", allowed);
    }

    public static JsonFields at(JsonNode node, String path, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw ApiException.invalidInput("expected a dictionary" + suffix(path), pathElements(path));
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                String where = path + "['" + name + "']";
                throw ApiException.invalidInput("extra keys not allowed @ " + where, List.of(name));
            }
        }
        return new JsonFields(node, path);
    }

    public boolean has(String key) {
        return object.has(key) && !object.get(key).isNull();
    }

    public JsonNode node(String key) {
        return object.get(key);
    }

    public String where(String key) {
        return path + "['" + key + "']";
    }

    public String requiredString(String key) {
        if (!object.has(key)) {
            throw ApiException.invalidInput("required key not provided @ " + where(key), List.of(key));
        }
        return string(key);
    }

    public String optionalString(String key) {
        return object.has(key) ? string(key) : null;
    }

    private String string(String key) {
        JsonNode value = object.get(key);
        if (!value.isTextual()) {
            throw ApiException.invalidInput("expected str for dictionary value @ " + where(key), List.of(key));
        }
        return value.asText();
    }

    /** An integer, coerced from numbers and numeric strings as voluptuous' Coerce(int). */
    public Long optionalInteger(String key, long minimum) {
        if (!object.has(key)) {
            return null;
        }
        JsonNode value = object.get(key);
        long parsed;
        if (value.isIntegralNumber() || value.isFloatingPointNumber()) {
            parsed = value.asLong();
        } else if (value.isTextual() && value.asText().trim().matches("[-+]?\\d+")) {
            parsed = Long.parseLong(value.asText().trim());
        } else {
            throw ApiException.invalidInput("expected int for dictionary value @ " + where(key), List.of(key));
        }
        if (parsed < minimum) {
            throw ApiException.invalidInput(
                    "value must be at least " + minimum + " for dictionary value @ " + where(key), List.of(key));
        }
        return parsed;
    }

    public List<String> optionalStringList(String key) {
        if (!object.has(key)) {
            return null;
        }
        JsonNode value = object.get(key);
        if (!value.isArray()) {
            throw ApiException.invalidInput("expected list for dictionary value @ " + where(key), List.of(key));
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw ApiException.invalidInput("expected str @ " + where(key), List.of(key));
            }
            items.add(item.asText());
        }
        return items;
    }

    private static String suffix(String path) {
        return path.equals("data") ? "" : " @ " + path;
    }

    private static List<String> pathElements(String path) {
        return path.equals("data") ? List.of() : List.of(path);
    }
}
