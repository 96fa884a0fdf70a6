package io.meterflow.timeseries.resourcetype;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.meterflow.timeseries.time.Timestamps;
import java.util.Map;

/**
 * A point in time in any form Gnocchi reads, stored as Python's UTC isoformat
 * ({@code 2017-05-02T11:11:11+00:00}, microseconds when set). That text sorts chronologically
 * (for years 1000-9999), so comparisons and indexes need no cast.
 */
public record DatetimeAttribute(String name, boolean required, Timestamps timestamps) implements AttributeSchema {

    @Override
    public String typeName() {
        return "datetime";
    }

    @Override
    public JsonNode normalize(JsonNode value) {
        if (value == null || !(value.isTextual() || value.isNumber())) {
            throw new InvalidAttributeValue(Timestamps.UNABLE_TO_CONVERT);
        }
        try {
            Object raw = value.isNumber() ? value.decimalValue() : value.asText();
            return TextNode.valueOf(Timestamps.format(timestamps.parseOne(raw)));
        } catch (IllegalArgumentException invalid) {
            throw new InvalidAttributeValue(invalid.getMessage());
        }
    }

    @Override
    public Map<String, Object> options() {
        return Map.of();
    }

    @Override
    public AttributeSchema withRequired(boolean required) {
        return new DatetimeAttribute(name, required, timestamps);
    }
}
