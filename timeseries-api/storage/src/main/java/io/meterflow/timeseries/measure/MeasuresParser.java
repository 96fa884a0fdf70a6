package io.meterflow.timeseries.measure;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.timeseries.aggregation.Measure;
import io.meterflow.timeseries.failure.InvalidInputException;
import io.meterflow.timeseries.time.Timestamps;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a list of {@code {"timestamp", "value"}} measures as Gnocchi does: timestamps all in the
 * form of the first, values anything Python's {@code float()} accepts (numbers, numeric strings,
 * "NaN", "inf", booleans), extra keys ignored.
 */
public final class MeasuresParser {

    private final Timestamps timestamps;

    public MeasuresParser(Timestamps timestamps) {
        this.timestamps = timestamps;
    }

    /** Parses or throws the 400 Gnocchi answers; {@code path} locates the list inside a batch. */
    public List<Measure> parse(JsonNode list, List<String> path) {
        if (list == null || !list.isArray()) {
            throw invalid("unexpected measures format", path);
        }
        List<Object> rawTimestamps = new ArrayList<>(list.size());
        for (JsonNode measure : list) {
            if (!measure.isObject() || !measure.has("timestamp")) {
                throw invalid("unexpected measures format", path);
            }
            rawTimestamps.add(scalar(measure.get("timestamp")));
        }
        long[] parsed = parseTimestamps(rawTimestamps, path);
        List<Measure> measures = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Double value = PythonFloat.of(list.get(i).get("value"));
            if (value == null) {
                throw invalid("unexpected measures value", path);
            }
            measures.add(new Measure(parsed[i], value));
        }
        return measures;
    }

    /** Measures read off the token stream: timestamps as sent, values already numbers. */
    public List<Measure> parse(List<Object> rawTimestamps, double[] values, List<String> path) {
        long[] parsed = parseTimestamps(rawTimestamps, path);
        List<Measure> measures = new ArrayList<>(parsed.length);
        for (int i = 0; i < parsed.length; i++) {
            measures.add(new Measure(parsed[i], values[i]));
        }
        return measures;
    }

    private long[] parseTimestamps(List<Object> rawTimestamps, List<String> path) {
        try {
            return timestamps.parseAll(rawTimestamps);
        } catch (IllegalArgumentException invalidTimestamp) {
            throw invalid("unexpected timestamp '" + invalidTimestamp.getMessage() + "'", path);
        }
    }

    private static Object scalar(JsonNode node) {
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isTextual()) {
            return node.asText();
        }
        return node.toString(); // not a timestamp in any form: fails as "Unable to convert"
    }

    private static InvalidInputException invalid(String reason, List<String> path) {
        if (path.isEmpty()) {
            return InvalidInputException.field(reason, List.of());
        }
        StringBuilder where = new StringBuilder("data");
        path.forEach(key -> where.append("['").append(key).append("']"));
        return InvalidInputException.field(reason + " for dictionary value @ " + where, path);
    }
}
