package io.meterflow.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Version 1 of {@link Topics#SAMPLES}' values: one JSON object a sample, Ceilometer's field names
 * plus {@code format_version}, {@code id}, {@code source} and {@code message_id}
 * (docs/wire-formats.md). Reading skips unknown fields, so a later version may add some; it
 * refuses another {@code format_version}, a missing {@code name}, {@code resource_id} or
 * {@code timestamp}, and a volume that is not a number.
 */
public final class SampleCodec {

    public static final int VERSION = 1;

    private final ObjectMapper json;

    public SampleCodec(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Record values for these samples, written straight to bytes: building trees first and
     * serialising them showed in profiles. The samples of one notification often carry equal
     * metadata (Ceilometer's instance meters share theirs), so equal metadata is serialised once
     * and copied into the next record.
     */
    public List<byte[]> encode(List<Sample> samples) {
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

    /**
     * The sample as Ceilometer prints one: the record's form without the fields only Kafka
     * consumers need ({@code format_version}, {@code id}, {@code source}, {@code message_id}).
     */
    public String ceilometerForm(Sample sample) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
            write(generator, sample, new SerializedString(text(sample.resourceMetadata())), false);
        } catch (IOException e) {
            throw new UncheckedIOException("a sample did not serialise", e);
        }
        return out.toString();
    }

    /** The sample of one record value; {@link MalformedRecordException} with the reason if it is none. */
    public Sample decode(byte[] value) {
        JsonNode sample = JsonFields.object(json, value, "sample");
        JsonFields.requireVersion(sample, VERSION);
        String name = JsonFields.requiredText(sample, "name");
        String resourceId = JsonFields.requiredText(sample, "resource_id");
        String timestamp = JsonFields.requiredText(sample, "timestamp");
        JsonNode volume = sample.get("volume");
        if (volume == null || !volume.isNumber()) {
            throw new MalformedRecordException(
                    "sample volume is " + (volume == null ? "missing" : "not a number: " + volume));
        }
        JsonNode metadata = sample.get("resource_metadata");
        return new Sample(
                JsonFields.optionalText(sample, "id"),
                name,
                JsonFields.optionalText(sample, "type"),
                JsonFields.optionalText(sample, "unit"),
                volume,
                JsonFields.optionalText(sample, "user_id"),
                JsonFields.optionalText(sample, "project_id"),
                resourceId,
                timestamp,
                metadata == null || !metadata.isObject()
                        ? JsonNodeFactory.instance.objectNode()
                        : (ObjectNode) metadata,
                JsonFields.optionalText(sample, "source"),
                JsonFields.optionalText(sample, "message_id"));
    }

    private String text(ObjectNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree did not serialise", e);
        }
    }

    private static void write(JsonGenerator out, Sample sample, SerializableString metadata, boolean record)
            throws IOException {
        out.writeStartObject();
        if (record) {
            out.writeNumberField("format_version", VERSION);
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
        if (record) {
            out.writeStringField("source", sample.source());
            out.writeStringField("message_id", sample.messageId());
        }
        out.writeEndObject();
    }
}
