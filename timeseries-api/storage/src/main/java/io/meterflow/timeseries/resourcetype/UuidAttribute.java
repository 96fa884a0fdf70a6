package io.meterflow.timeseries.resourcetype;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.meterflow.timeseries.resourceid.ResourceIds;
import java.util.Map;

/** A UUID in any form Python's {@code uuid.UUID} reads, stored lowercase with dashes. */
public record UuidAttribute(String name, boolean required) implements AttributeSchema {

    @Override
    public String typeName() {
        return "uuid";
    }

    @Override
    public JsonNode normalize(JsonNode value) {
        if (value == null || !value.isTextual()) {
            throw new InvalidAttributeValue("badly formed hexadecimal UUID string");
        }
        return ResourceIds.parseUuid(value.asText())
                .map(uuid -> (JsonNode) TextNode.valueOf(uuid.toString()))
                .orElseThrow(() -> new InvalidAttributeValue("badly formed hexadecimal UUID string"));
    }

    @Override
    public Map<String, Object> options() {
        return Map.of();
    }

    @Override
    public AttributeSchema withRequired(boolean required) {
        return new UuidAttribute(name, required);
    }
}
