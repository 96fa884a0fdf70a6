package io.meterflow.timeseries.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.timeseries.failure.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
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
    private final List<String> pathElements;

    private JsonFields(JsonNode object, String path, List<String> pathElements) {
        this.object = object;
        this.path = path;
        this.pathElements = pathElements;
    }

    /** Starts reading {@code body}, which must be an object holding only {@code allowed} keys. */
    public static JsonFields of(JsonNode body, Set<String> allowed) {
        return at(body, List.of(), allowed);
    }

    /** Reads an object nested in the body at {@code elements} (keys and list indexes). */
    public static JsonFields at(JsonNode node, List<String> elements, Set<String> allowed) {
        String path = "data"
                + String.join(
                        "",
                        elements.stream()
                                .map(e -> e.chars().allMatch(Character::isDigit) ? "[" + e + "]" : "['" + e + "']")
                                .toList());
        if (node == null || !node.isObject()) {
            throw InvalidInputException.field(
                    "expected a dictionary" + (elements.isEmpty() ? "" : " @ " + path), elements);
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                String where = path + "['" + name + "']";
                throw InvalidInputException.field("extra keys not allowed @ " + where, append(elements, name));
            }
        }
        return new JsonFields(node, path, elements);
    }

    private static List<String> append(List<String> elements, String key) {
        List<String> path = new ArrayList<>(elements);
        path.add(key);
        return List.copyOf(path);
    }

    /** The path elements of one of this object's keys, for error details. */
    public List<String> pathOf(String key) {
        return append(pathElements, key);
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
            throw InvalidInputException.field("required key not provided @ " + where(key), pathOf(key));
        }
        return string(key);
    }

    public String optionalString(String key) {
        return object.has(key) ? string(key) : null;
    }

    private String string(String key) {
        JsonNode value = object.get(key);
        if (!value.isTextual()) {
            throw InvalidInputException.field("expected str for dictionary value @ " + where(key), pathOf(key));
        }
        return value.asText();
    }

    /** An integer, coerced from numbers and numeric strings as voluptuous' Coerce(int). */
    public Long optionalInteger(String key, long minimum) {
        if (!object.has(key)) {
            return null;
        }
        JsonNode value = object.get(key);
        BigInteger coerced;
        if (value.isIntegralNumber()) {
            coerced = value.bigIntegerValue();
        } else if (value.isFloatingPointNumber() && Double.isFinite(value.doubleValue())) {
            coerced = BigDecimal.valueOf(value.doubleValue()).toBigInteger(); // int(2.7) is 2
        } else if (value.isTextual() && value.asText().trim().matches("[-+]?\\d+")) {
            coerced = new BigInteger(value.asText().trim());
        } else {
            throw InvalidInputException.field("expected int for dictionary value @ " + where(key), pathOf(key));
        }
        // Python's ints have no bound; ours do. Found by ApiFuzzIT: 9223372036854775808 was a 500.
        if (coerced.bitLength() > 63) {
            throw InvalidInputException.field(
                    "value must be at most " + Long.MAX_VALUE + " for dictionary value @ " + where(key), pathOf(key));
        }
        long parsed = coerced.longValue();
        if (parsed < minimum) {
            throw InvalidInputException.field(
                    "value must be at least " + minimum + " for dictionary value @ " + where(key), pathOf(key));
        }
        return parsed;
    }

    public List<String> optionalStringList(String key) {
        if (!object.has(key)) {
            return null;
        }
        JsonNode value = object.get(key);
        if (!value.isArray()) {
            throw InvalidInputException.field("expected a list for dictionary value @ " + where(key), pathOf(key));
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw InvalidInputException.field("expected str @ " + where(key), pathOf(key));
            }
            items.add(item.asText());
        }
        return items;
    }
}
