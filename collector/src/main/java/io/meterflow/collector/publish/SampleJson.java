package io.meterflow.collector.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.collector.meter.Sample;
import io.meterflow.collector.resource.ResourceEvent;
import java.util.Locale;

/**
 * The JSON forms of samples and resource events, with Ceilometer's field names. The Kafka forms
 * carry {@code format_version} so consumers can tell a future change apart (docs/collector.md).
 */
public final class SampleJson {

    public static final int FORMAT_VERSION = 1;

    private final ObjectMapper json;

    public SampleJson(ObjectMapper json) {
        this.json = json;
    }

    /** The value of a {@code meterflow.samples} record. */
    public ObjectNode kafkaValue(Sample sample) {
        ObjectNode node = json.createObjectNode();
        node.put("format_version", FORMAT_VERSION);
        node.put("id", sample.id());
        fill(node, sample);
        node.put("source", sample.source());
        node.put("message_id", sample.messageId());
        return node;
    }

    /** What {@code replay} prints, one line per sample. */
    public ObjectNode replayLine(Sample sample) {
        return fill(json.createObjectNode(), sample);
    }

    /** The value of a {@code meterflow.resource-events} record. */
    public ObjectNode kafkaValue(ResourceEvent event) {
        ObjectNode node = json.createObjectNode();
        node.put("format_version", FORMAT_VERSION);
        node.put("resource_id", event.resourceId());
        node.put("resource_type", event.resourceType());
        node.put("event", event.event().name().toLowerCase(Locale.ROOT));
        node.put("event_time", event.eventTime());
        node.put("project_id", event.projectId());
        node.put("user_id", event.userId());
        node.set("attributes", event.attributes());
        node.put("ended_at", event.endedAt());
        node.put("message_id", event.messageId());
        return node;
    }

    public byte[] bytes(ObjectNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree did not serialise", e);
        }
    }

    private static ObjectNode fill(ObjectNode node, Sample sample) {
        node.put("name", sample.name());
        node.put("type", sample.type());
        node.put("unit", sample.unit());
        node.set("volume", sample.volume());
        node.put("user_id", sample.userId());
        node.put("project_id", sample.projectId());
        node.put("resource_id", sample.resourceId());
        node.put("timestamp", sample.timestamp());
        node.set("resource_metadata", sample.resourceMetadata());
        return node;
    }
}
