package io.meterflow.timeseries.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.meterflow.timeseries.aggregation.Measure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Version 1 of the measures topic's values, JSON:
 * {@code {"format_version": 1, "metric_id": "<uuid>", "measures": [[<epoch ns>, <value>], ...]}}.
 *
 * <p>JSON rather than Avro or Protobuf: the records are read by Meterflow alone, a schema
 * registry would be one more service to run next to OpenStack, and an operator can read a stuck
 * record with {@code kafka-console-consumer}. Timestamps are integers of nanoseconds, so no
 * precision is lost and no date is parsed on the hot path; values are JSON numbers, with
 * {@code NaN} and infinities written as Jackson's non-numeric tokens. Unknown fields are skipped,
 * so a later version may add fields; a different {@code format_version} is refused.
 */
public final class MeasureRecordFormat {

    public static final int VERSION = 1;

    /** A record that is not a version-1 measures record; the reason goes to the dead-letter topic. */
    public static final class MalformedRecordException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedRecordException(String reason) {
            super(reason);
        }

        MalformedRecordException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private final JsonFactory json;

    public MeasureRecordFormat() {
        // The fast double reader and writer (FastDoubleParser, Schubfach) round-trip every double
        // exactly, as the JDK's do, at a fraction of the cost: values are most of a record's text.
        this.json = JsonFactory.builder()
                .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(com.fasterxml.jackson.core.json.JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .build();
    }

    public byte[] encode(MeasureRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + record.measures().size() * 32);
        try (JsonGenerator out = json.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeNumberField("format_version", VERSION);
            out.writeStringField("metric_id", record.metricId().toString());
            out.writeArrayFieldStart("measures");
            for (Measure measure : record.measures()) {
                out.writeStartArray();
                out.writeNumber(measure.timestamp());
                out.writeNumber(measure.value());
                out.writeEndArray();
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public MeasureRecord decode(byte[] value) {
        if (value == null) {
            throw new MalformedRecordException("empty record value");
        }
        try (JsonParser in = json.createParser(value)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedRecordException("record value is not a JSON object");
            }
            Integer version = null;
            UUID metricId = null;
            List<Measure> measures = null;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                JsonToken token = in.nextToken();
                switch (field) {
                    case "format_version" -> version = supported(in.getIntValue());
                    case "metric_id" -> metricId = UUID.fromString(in.getText());
                    case "measures" -> measures = measures(in, token);
                    default -> in.skipChildren();
                }
            }
            if (version == null) {
                throw new MalformedRecordException("record lacks format_version");
            }
            if (metricId == null || measures == null) {
                throw new MalformedRecordException("record lacks " + (metricId == null ? "metric_id" : "measures"));
            }
            return new MeasureRecord(metricId, measures);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new MalformedRecordException("unreadable measures record: " + e.getMessage(), e);
        }
    }

    /** Checked as soon as it is read: the rest of a record of another version means nothing here. */
    private static int supported(int version) {
        if (version != VERSION) {
            throw new MalformedRecordException("unsupported format_version " + version + " (this build reads "
                    + VERSION + ")");
        }
        return version;
    }

    private static List<Measure> measures(JsonParser in, JsonToken start) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            throw new MalformedRecordException("measures is not an array");
        }
        List<Measure> measures = new ArrayList<>();
        while (in.nextToken() == JsonToken.START_ARRAY) {
            if (in.nextToken() != JsonToken.VALUE_NUMBER_INT) {
                throw new MalformedRecordException("unreadable measures record: a timestamp is not an integer of ns");
            }
            long timestamp = in.getLongValue();
            in.nextToken();
            double value = in.getDoubleValue();
            if (in.nextToken() != JsonToken.END_ARRAY) {
                throw new MalformedRecordException("a measure is not a [timestamp, value] pair");
            }
            measures.add(new Measure(timestamp, value));
        }
        if (in.currentToken() != JsonToken.END_ARRAY) {
            throw new MalformedRecordException("measures holds something other than [timestamp, value] pairs");
        }
        return measures;
    }
}
