package io.meterflow.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Version 1 of {@link Topics#MEASURES}' values, JSON:
 * {@code {"format_version": 1, "metric_id": "<uuid>", "measures": [[<epoch ns>, <value>], ...]}}.
 *
 * <p>JSON rather than Avro or Protobuf: the records are read by Meterflow alone, a schema
 * registry would be one more service to run next to OpenStack, and an operator can read a stuck
 * record with {@code kafka-console-consumer}. Timestamps are integers of nanoseconds, so no
 * precision is lost and no date is parsed on the hot path; values are JSON numbers, with
 * {@code NaN} and infinities written as Jackson's non-numeric tokens. Unknown fields are skipped,
 * so a later version may add fields; a different {@code format_version} is refused.
 */
public final class MeasureRecordCodec {

    public static final int VERSION = 1;

    private final JsonFactory json;

    public MeasureRecordCodec() {
        // The fast double reader and writer (FastDoubleParser, Schubfach) round-trip every double
        // exactly, as the JDK's do, at a fraction of the cost: values are most of a record's text.
        this.json = JsonFactory.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .build();
    }

    public byte[] encode(MeasureRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + record.size() * 32);
        try (JsonGenerator out = json.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeNumberField("format_version", VERSION);
            out.writeStringField("metric_id", record.metricId().toString());
            out.writeArrayFieldStart("measures");
            for (int i = 0; i < record.size(); i++) {
                out.writeStartArray();
                out.writeNumber(record.timestamp(i));
                out.writeNumber(record.value(i));
                out.writeEndArray();
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The record of one value; {@link MalformedRecordException} with the reason if it is none. */
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
            Columns measures = null;
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
            return new MeasureRecord(
                    metricId,
                    Arrays.copyOf(measures.timestamps, measures.size),
                    Arrays.copyOf(measures.values, measures.size));
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new MalformedRecordException("unreadable measures record: " + e.getMessage(), e);
        }
    }

    /** Checked as soon as it is read: the rest of a record of another version means nothing here. */
    private static int supported(int version) {
        if (version != VERSION) {
            throw new MalformedRecordException(
                    "unsupported format_version " + version + " (this build reads " + VERSION + ")");
        }
        return version;
    }

    private static Columns measures(JsonParser in, JsonToken start) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            throw new MalformedRecordException("measures is not an array");
        }
        Columns measures = new Columns();
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
            measures.add(timestamp, value);
        }
        if (in.currentToken() != JsonToken.END_ARRAY) {
            throw new MalformedRecordException("measures holds something other than [timestamp, value] pairs");
        }
        return measures;
    }

    /** The two growing columns of a record being read. */
    private static final class Columns {
        long[] timestamps = new long[16];
        double[] values = new double[16];
        int size;

        void add(long timestamp, double value) {
            if (size == timestamps.length) {
                timestamps = Arrays.copyOf(timestamps, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            timestamps[size] = timestamp;
            values[size] = value;
            size++;
        }
    }
}
