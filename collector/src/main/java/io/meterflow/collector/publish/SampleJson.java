package io.meterflow.collector.publish;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.collector.meter.Sample;
import io.meterflow.collector.resource.ResourceEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The values of {@code meterflow.samples} records, written straight to bytes: building trees
     * first and serialising them showed in profiles. The samples of one notification often carry
     * equal metadata (Ceilometer's instance meters share theirs), so equal metadata is serialised
     * once and copied into the next record.
     */
    public List<byte[]> kafkaValues(List<Sample> samples) {
        List<byte[]> values = new ArrayList<>(samples.size());
        ObjectNode previous = null;
        SerializedString previousJson = null;
        for (Sample sample : samples) {
            if (previous == null || !previous.equals(sample.resourceMetadata())) {
                previous = sample.resourceMetadata();
                previousJson = new SerializedString(text(previous));
            }
            ByteArrayBuilder out = new ByteArrayBuilder(1024);
            try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
                write(generator, sample, previousJson, true);
            } catch (IOException e) {
                throw new UncheckedIOException("a sample did not serialise", e);
            }
            values.add(out.toByteArray());
        }
        return values;
    }

    /** What {@code replay} prints, one line per sample: the Kafka form without its envelope fields. */
    public String replayLine(Sample sample) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
            write(generator, sample, new SerializedString(text(sample.resourceMetadata())), false);
        } catch (IOException e) {
            throw new UncheckedIOException("a sample did not serialise", e);
        }
        return out.toString();
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

    private String text(ObjectNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree did not serialise", e);
        }
    }

    private static void write(JsonGenerator out, Sample sample, SerializableString metadata, boolean kafka)
            throws IOException {
        out.writeStartObject();
        if (kafka) {
            out.writeNumberField("format_version", FORMAT_VERSION);
            out.writeStringField("id", sample.id());
        }
        out.writeStringField("name", sample.name());
        out.writeStringField("type", sample.type());
        out.writeStringField("unit", sample.unit());
        out.writeFieldName("volume");
        out.writeTree(sample.volume());
        out.writeStringField("user_id", sample.userId());
        out.writeStringField("project_id", sample.projectId());
        out.writeStringField("resource_id", sample.resourceId());
        out.writeStringField("timestamp", sample.timestamp());
        out.writeFieldName("resource_metadata");
        out.writeRawValue(metadata);
        if (kafka) {
            out.writeStringField("source", sample.source());
            out.writeStringField("message_id", sample.messageId());
        }
        out.writeEndObject();
    }
}
