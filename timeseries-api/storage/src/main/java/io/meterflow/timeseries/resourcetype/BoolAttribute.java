package io.meterflow.timeseries.resourcetype;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A JSON boolean. */
public record BoolAttribute(String name, boolean required) implements AttributeSchema {

    @Override
    public String typeName() {
        return "bool";
    }

    @Override
    public JsonNode normalize(JsonNode value) {
        if (value == null || !value.isBoolean()) {
            throw new InvalidAttributeValue("expected bool");
        }
        return value;
    }

    @Override
    public Map<String, Object> options() {
        return Map.of();
    }

    @Override
    public String sqlExpression(String alias) {
        return "(" + AttributeSchema.super.sqlExpression(alias) + ")::boolean";
    }

    @Override
    public AttributeSchema withRequired(boolean required) {
        return new BoolAttribute(name, required);
    }
}
