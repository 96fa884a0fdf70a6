package io.meterflow.timeseries.api.measure;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.timeseries.measure.MeasureReader;
import io.meterflow.timeseries.time.Timestamps;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;

/**
 * Writes measures as Gnocchi does, {@code [["2015-03-06T14:33:00+00:00", 60.0, 23.1], ...]},
 * straight to the response stream: reads of thousands of points build no intermediate objects.
 */
public final class MeasuresJson {

    private final ObjectMapper json;

    public MeasuresJson(ObjectMapper json) {
        this.json = json;
    }

    public StreamingOutput of(List<MeasureReader.Point> points) {
        return output -> {
            try (JsonGenerator generator = json.getFactory().createGenerator(output)) {
                generator.setPrettyPrinter(json.getSerializationConfig().getDefaultPrettyPrinter());
                StringBuilder timestamp = new StringBuilder(32);
                generator.writeStartArray();
                for (MeasureReader.Point point : points) {
                    generator.writeStartArray();
                    timestamp.setLength(0);
                    Timestamps.appendTo(timestamp, point.timestamp());
                    generator.writeString(timestamp.toString());
                    if (point.granularity() instanceof Double seconds) {
                        generator.writeNumber(seconds);
                    } else {
                        generator.writeString(String.valueOf(point.granularity()));
                    }
                    generator.writeNumber(point.value());
                    generator.writeEndArray();
                }
                generator.writeEndArray();
            }
        };
    }
}
