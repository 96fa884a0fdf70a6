package io.meterflow.timeseries.resourcetype;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A real number within optional bounds; compared in SQL as {@code numeric}. */
public record NumberAttribute(String name, boolean required, BigDecimal min, BigDecimal max)
        implements AttributeSchema {

    @Override
    public String typeName() {
        return "number";
    }

    @Override
    public JsonNode normalize(JsonNode value) {
        if (value == null || !value.isNumber()) {
            throw new InvalidAttributeValue("expected Real");
        }
        BigDecimal number = value.decimalValue();
        if (min != null && number.compareTo(min) < 0) {
            throw new InvalidAttributeValue("value must be at least " + min.toPlainString());
        }
        if (max != null && number.compareTo(max) > 0) {
            throw new InvalidAttributeValue("value must be at most " + max.toPlainString());
        }
        return value;
    }

    @Override
    public Map<String, Object> options() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("max", max);
        options.put("min", min);
        return options;
    }

    @Override
    public String sqlExpression(String alias) {
        return "(" + AttributeSchema.super.sqlExpression(alias) + ")::numeric";
    }

    @Override
    public AttributeSchema withRequired(boolean required) {
        return new NumberAttribute(name, required, min, max);
    }
}
