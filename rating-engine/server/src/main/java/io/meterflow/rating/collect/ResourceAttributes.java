package io.meterflow.rating.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.gnocchiclient.resource.Resource;
import java.util.HashMap;
import java.util.Map;

/** A resource as the flat attribute map Gnocchi's JSON is: what metadata and scope attributes are read from. */
final class ResourceAttributes {

    private ResourceAttributes() {}

    static Map<String, Object> of(Resource resource) {
        Map<String, Object> attributes = new HashMap<>();
        resource.attributes().properties().forEach(e -> attributes.put(e.getKey(), plain(e.getValue())));
        attributes.put("id", resource.id().toString());
        attributes.put("type", resource.type());
        attributes.put("project_id", resource.projectId());
        attributes.put("user_id", resource.userId());
        attributes.put("original_resource_id", resource.originalResourceId());
        attributes.put(
                "started_at",
                resource.startedAt() == null ? null : resource.startedAt().toString());
        attributes.put(
                "ended_at",
                resource.endedAt() == null ? null : resource.endedAt().toString());
        return attributes;
    }

    /** JSON as CloudKitty's Python sees it: text, integers apart from floats, booleans, null; else the JSON text. */
    static Object plain(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? (Object) value.longValue() : value.bigIntegerValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        return value.toString();
    }
}
