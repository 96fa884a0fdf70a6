package io.meterflow.timeseries.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.meterflow.timeseries.time.Timestamps;

/**
 * Reads version 1 of the collector's samples (docs/collector.md, "Kafka formats"). Unknown
 * fields are skipped; another {@code format_version}, a missing field the store needs, a
 * timestamp Gnocchi would refuse or a volume that is not a number make the sample malformed.
 */
final class SampleFormat {

    static final int VERSION = 1;

    private final ObjectMapper json;
    private final Timestamps timestamps;

    SampleFormat(ObjectMapper json, Timestamps timestamps) {
        this.json = json;
        this.timestamps = timestamps;
    }

    Sample decode(byte[] value) {
        JsonNode sample = InputFields.object(json, value, "sample");
        InputFields.requireVersion(sample, VERSION);
        String name = InputFields.requiredText(sample, "name");
        String resourceId = InputFields.requiredText(sample, "resource_id");
        JsonNode volume = sample.get("volume");
        if (volume == null || !volume.isNumber()) {
            throw new MalformedInputException("sample volume is " + (volume == null ? "missing" : "not a number: "
                    + volume));
        }
        long eventTime;
        try {
            eventTime = timestamps.parseOne(InputFields.requiredText(sample, "timestamp"));
        } catch (IllegalArgumentException unparseable) {
            throw new MalformedInputException("sample timestamp " + sample.get("timestamp") + ": "
                    + unparseable.getMessage());
        }
        JsonNode metadata = sample.get("resource_metadata");
        return new Sample(name, InputFields.optionalText(sample, "unit"), resourceId,
                InputFields.optionalText(sample, "user_id"), InputFields.optionalText(sample, "project_id"), eventTime,
                volume.doubleValue(), metadata == null || !metadata.isObject() ? JsonNodeFactory.instance.objectNode()
                        : metadata);
    }
}
