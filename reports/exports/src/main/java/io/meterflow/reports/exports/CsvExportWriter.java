package io.meterflow.reports.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV, one line per group and timestamp: the group attributes, {@code timestamp} (ISO-8601, UTC),
 * {@code granularity} (seconds), then one column per metric. RFC 4180 quoting, LF line ends, UTF-8.
 * A missing value or attribute is an empty field.
 */
public final class CsvExportWriter implements ExportWriter {

    @Override
    public void write(ExportTable table, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        List<String> header = new ArrayList<>(table.export().groupBy());
        header.add("timestamp");
        header.add("granularity");
        header.addAll(table.export().columns());
        line(writer, header);
        for (ExportRow row : table.rows()) {
            List<String> fields = new ArrayList<>(row.group());
            fields.add(row.timestamp().toString());
            fields.add(Long.toString(row.granularity().toSeconds()));
            row.values().forEach(value -> fields.add(number(value)));
            line(writer, fields);
        }
        writer.flush();
    }

    /** Plain decimal notation: spreadsheets read {@code 1.0E10} as text in some locales. */
    static String number(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).toPlainString() : "";
    }

    private static void line(Writer writer, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(quoted(fields.get(i)));
        }
        writer.write('\n');
    }

    private static String quoted(String field) {
        if (field == null) {
            return "";
        }
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
