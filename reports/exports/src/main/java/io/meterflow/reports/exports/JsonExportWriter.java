package io.meterflow.reports.exports;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * JSON, the CSV's rows as an array of flat objects, e.g.
 * {@code [{"host": "compute-1", "timestamp": "2026-12-01T00:00:00Z", "granularity": 3600, "cpu_mean": 12.5}]}:
 * what {@code pandas.read_json} and {@code jq} take without reshaping. A missing value or
 * attribute is {@code null}. Streamed, so a large export is never held as a tree.
 */
public final class JsonExportWriter implements ExportWriter {

    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public void write(ExportTable table, OutputStream out) throws IOException {
        List<String> groupBy = table.export().groupBy();
        List<String> columns = table.export().columns();
        try (JsonGenerator json =
                JSON.createGenerator(out, JsonEncoding.UTF8).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            json.writeStartArray();
            for (ExportRow row : table.rows()) {
                json.writeStartObject();
                for (int i = 0; i < groupBy.size(); i++) {
                    json.writeStringField(groupBy.get(i), row.group().get(i));
                }
                json.writeStringField("timestamp", row.timestamp().toString());
                json.writeNumberField("granularity", row.granularity().toSeconds());
                for (int i = 0; i < columns.size(); i++) {
                    double value = row.values().get(i);
                    json.writeFieldName(columns.get(i));
                    if (Double.isFinite(value)) {
                        json.writeNumber(value);
                    } else {
                        json.writeNull();
                    }
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
    }
}
