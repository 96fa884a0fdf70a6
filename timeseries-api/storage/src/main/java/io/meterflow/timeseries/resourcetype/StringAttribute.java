package io.meterflow.timeseries.resourcetype;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A string of {@code minLength..maxLength} characters (Gnocchi allows at most 255). */
public record StringAttribute(String name, boolean required, int minLength, int maxLength) implements AttributeSchema {

    @Override
    public String typeName() {
        return "string";
    }

    @Override
    public JsonNode normalize(JsonNode value) {
        if (value == null || !value.isTextual()) {
            throw new InvalidAttributeValue("expected str");
        }
        int length = value.asText().codePointCount(0, value.asText().length());
        if (length < minLength) {
            throw new InvalidAttributeValue("length of value must be at least " + minLength);
        }
        if (length > maxLength) {
            throw new InvalidAttributeValue("length of value must be at most " + maxLength);
        }
        return value;
    }

    @Override
    public Map<String, Object> options() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("max_length", maxLength);
        options.put("min_length", minLength);
        return options;
    }

    @Override
    public AttributeSchema withRequired(boolean required) {
        return new StringAttribute(name, required, minLength, maxLength);
    }
}
