package io.meterflow.collector.meter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.meterflow.collector.meter.path.Truthiness;
import io.meterflow.collector.notification.Notification;
import io.meterflow.wire.Sample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one notification into the samples of one definition, following Ceilometer's
 * {@code MeterDefinition.to_samples} and {@code Sample.from_notification} rule for rule, with one
 * deliberate fix: the user and project fallback reads the request context
 * ({@code ctxt.user_id}, else {@code ctxt.user}; {@code ctxt.project_id}, else {@code ctxt.tenant_id};
 * see {@link Evaluation}).
 */
final class SampleBuilder {

    private static final String RESERVED_PREFIX = "metering.";
    private static final int RESERVED_LENGTH = 256;
    private static final String SOURCE = "openstack";

    private final MeterDefinition definition;
    private final Evaluation evaluation;
    private final Notification notification;
    private final ObjectNode document;

    SampleBuilder(MeterDefinition definition, Evaluation evaluation) {
        this.definition = definition;
        this.evaluation = evaluation;
        this.notification = evaluation.notification();
        this.document = evaluation.document();
    }

    void build(List<Sample> samples, List<String> dropped) {
        Map<String, JsonNode> defaults = defaults();
        ObjectNode metadata = evaluation.metadata(definition.metadata(), definition.userMetadata(), this::metadata);
        if (!definition.isLookup()) {
            Map<String, JsonNode> values = new HashMap<>(defaults);
            for (String attribute : MeterDefinition.ATTRIBUTES) {
                Field field = definition.attribute(attribute);
                JsonNode value = field == null ? null : field.first(document);
                if (value != null) {
                    values.put(attribute, value);
                }
            }
            add(values, metadata, samples, dropped);
            return;
        }
        buildLookup(defaults, metadata, samples, dropped);
    }

    /** A lookup entry: one sample per value of the looked-up attributes, the others repeated. */
    private void buildLookup(
            Map<String, JsonNode> defaults, ObjectNode metadata, List<Sample> samples, List<String> dropped) {
        Map<String, List<JsonNode>> columns = new HashMap<>();
        defaults.forEach((k, v) -> columns.put(k, List.of(v)));
        for (String attribute : MeterDefinition.ATTRIBUTES) {
            Field field = definition.attribute(attribute);
            if (field == null) {
                continue;
            }
            List<JsonNode> values = field.all(document);
            if (definition.lookup().contains(attribute) || attribute.equals("name") || !values.isEmpty()) {
                columns.put(attribute, values);
            }
        }
        int count = columns.get("name").size();
        for (String attribute : MeterDefinition.ATTRIBUTES) {
            int size = columns.get(attribute).size();
            if (size != count && (size != 1 || definition.lookup().contains(attribute))) {
                dropped.add(
                        definition.key() + ": only " + size + " values of " + attribute + " for " + count + " meters");
                return;
            }
        }
        for (int i = 0; i < count; i++) {
            Map<String, JsonNode> values = new HashMap<>();
            for (String attribute : MeterDefinition.ATTRIBUTES) {
                List<JsonNode> column = columns.get(attribute);
                values.put(attribute, column.size() == count ? column.get(i) : column.get(0));
            }
            add(values, metadata.deepCopy(), samples, dropped);
        }
    }

    private Map<String, JsonNode> defaults() {
        Map<String, JsonNode> defaults = new HashMap<>();
        defaults.put("name", TextNode.valueOf(definition.name()));
        defaults.put("type", TextNode.valueOf(definition.type()));
        defaults.put("unit", TextNode.valueOf(definition.unit()));
        defaults.put("volume", NullNode.instance);
        defaults.put("timestamp", NullNode.instance);
        defaults.put("user_id", evaluation.userFallback());
        defaults.put("project_id", evaluation.projectFallback());
        defaults.put("resource_id", NullNode.instance);
        return defaults;
    }

    /** Truthy values only; reserved {@code metering.*} user metadata under {@code user_metadata}. */
    private ObjectNode metadata() {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        definition.metadata().forEach((name, field) -> {
            JsonNode value = field.first(document);
            if (Truthiness.isTruthy(value)) {
                metadata.set(name, value);
            }
        });
        if (definition.userMetadata() != null) {
            JsonNode source = definition.userMetadata().first(document);
            if (source != null && source.isObject()) {
                ObjectNode reserved = JsonNodeFactory.instance.objectNode();
                source.properties().forEach(e -> {
                    if (e.getKey().startsWith(RESERVED_PREFIX)) {
                        String key =
                                e.getKey().substring(RESERVED_PREFIX.length()).replace('.', '_');
                        if (!metadata.has(key)) {
                            reserved.set(key, truncated(e.getValue()));
                        }
                    }
                });
                if (!reserved.isEmpty()) {
                    metadata.set("user_metadata", reserved);
                }
            }
        }
        return metadata;
    }

    private static JsonNode truncated(JsonNode value) {
        if (value.isTextual() && value.textValue().length() > RESERVED_LENGTH) {
            return TextNode.valueOf(value.textValue().substring(0, RESERVED_LENGTH));
        }
        return value;
    }

    private void add(Map<String, JsonNode> values, ObjectNode metadata, List<Sample> samples, List<String> dropped) {
        String name = MeterDefinition.text(values.get("name"));
        JsonNode volume = Volumes.number(values.get("volume"));
        if (name == null || volume == null) {
            dropped.add((name == null ? definition.key() : name) + ": no usable volume (" + values.get("volume") + ")");
            return;
        }
        String timestamp = MeterDefinition.text(values.get("timestamp"));
        timestamp = evaluation.normalizedTime(timestamp != null ? timestamp : notification.timestamp());
        if (timestamp == null) {
            dropped.add(name + ": no timestamp");
            return;
        }
        if (metadata.isEmpty()) {
            metadata = notification.payload().isObject()
                    ? ((ObjectNode) notification.payload()).deepCopy()
                    : JsonNodeFactory.instance.objectNode();
            metadata.put("event_type", notification.eventType());
            metadata.put("host", notification.publisherId());
        }
        samples.add(new Sample(
                null,
                name,
                MeterDefinition.text(values.get("type")),
                MeterDefinition.text(values.get("unit")),
                volume,
                MeterDefinition.text(values.get("user_id")),
                MeterDefinition.text(values.get("project_id")),
                MeterDefinition.text(values.get("resource_id")),
                timestamp,
                metadata,
                SOURCE,
                notification.messageId()));
    }
}
