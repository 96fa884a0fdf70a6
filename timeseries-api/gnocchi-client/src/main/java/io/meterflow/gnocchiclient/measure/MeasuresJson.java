package io.meterflow.gnocchiclient.measure;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.gnocchiclient.error.GnocchiResponseException;
import io.meterflow.gnocchiclient.internal.GnocchiTimestamps;
import java.util.ArrayList;
import java.util.List;

/** Gnocchi's series form, {@code [[timestamp, granularity, value], ...]}, shared by measures and aggregates. */
public final class MeasuresJson {

    private MeasuresJson() {}

    public static List<Measure> points(JsonNode series) {
        if (!series.isArray()) {
            throw new GnocchiResponseException("expected a list of [timestamp, granularity, value], got " + series);
        }
        List<Measure> points = new ArrayList<>(series.size());
        for (JsonNode point : series) {
            if (!point.isArray() || point.size() != 3 || !point.get(0).isTextual()) {
                throw new GnocchiResponseException("expected [timestamp, granularity, value], got " + point);
            }
            points.add(new Measure(
                    GnocchiTimestamps.parse(point.get(0).asText()), point.get(1).asDouble(), value(point.get(2))));
        }
        return List.copyOf(points);
    }

    /** NaN and Infinity come as bare literals; some servers quote them, as Python's float() would read. */
    private static double value(JsonNode value) {
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isTextual()) {
            try {
                return Double.parseDouble(value.asText());
            } catch (NumberFormatException notNumber) {
                throw new GnocchiResponseException("not a measure value: " + value, notNumber);
            }
        }
        throw new GnocchiResponseException("not a measure value: " + value);
    }
}
