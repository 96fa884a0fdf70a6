package io.meterflow.collector.polling.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.wire.Sample;
import io.meterflow.wire.SampleCodec;
import java.io.IOException;
import java.io.Writer;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes samples as JSON lines in exactly {@link SampleCodec#ceilometerForm}'s shape (the
 * notification side's {@code replay} output), through one generator. The pollsters share one
 * metadata object among the samples of a resource, so each object is serialised once per batch:
 * the codec's one-sample-at-a-time form took longer than polling a thousand domains.
 */
final class SampleLines {

    private final ObjectMapper json;
    private final JsonFactory factory;

    SampleLines(ObjectMapper json) {
        this.json = json;
        this.factory = json.getFactory();
    }

    void write(List<Sample> samples, Writer out) throws IOException {
        Map<ObjectNode, SerializedString> metadata = new IdentityHashMap<>();
        JsonGenerator generator = factory.createGenerator(out);
        generator.setRootValueSeparator(new SerializedString("\n"));
        for (Sample sample : samples) {
            SerializedString md = metadata.get(sample.resourceMetadata());
            if (md == null) {
                md = new SerializedString(json.writeValueAsString(sample.resourceMetadata()));
                metadata.put(sample.resourceMetadata(), md);
            }
            generator.writeStartObject();
            generator.writeStringField("name", sample.name());
            generator.writeStringField("type", sample.type());
            generator.writeStringField("unit", sample.unit());
            generator.writeFieldName("volume");
            generator.writeTree(sample.volume());
            generator.writeStringField("user_id", sample.userId());
            generator.writeStringField("project_id", sample.projectId());
            generator.writeStringField("resource_id", sample.resourceId());
            generator.writeStringField("timestamp", sample.timestamp());
            generator.writeFieldName("resource_metadata");
            generator.writeRawValue(md);
            generator.writeEndObject();
        }
        if (!samples.isEmpty()) {
            generator.writeRaw('\n');
        }
        generator.flush();
    }
}
