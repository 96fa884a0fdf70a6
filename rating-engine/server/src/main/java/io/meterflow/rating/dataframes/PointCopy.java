package io.meterflow.rating.dataframes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.rating.dataframe.DataPoint;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * Writes rated points with PostgreSQL's COPY: a period's hundreds of points go in one stream rather
 * than as bound parameters, which costs the processor and the database a fraction of the CPU. The
 * groupby and metadata are written as JSON directly when they hold text, numbers, booleans and nulls
 * (what collectors produce), through Jackson otherwise.
 */
final class PointCopy {

    private static final String COPY = "COPY rating_dataframes (period_begin, period_end, type, unit, qty, price,"
            + " project_id, groupby, metadata) FROM STDIN (FORMAT csv)";

    private PointCopy() {}

    static int copy(Connection c, List<RatedFrame> frames, String scopeKey, ObjectMapper json) throws SQLException {
        StringBuilder csv = new StringBuilder(4096);
        int count = 0;
        for (RatedFrame frame : frames) {
            String begin = frame.begin().toString();
            String end = frame.end().toString();
            for (var entry : frame.usage().entrySet()) {
                String type = quoted(entry.getKey());
                for (DataPoint point : entry.getValue()) {
                    Object scope = point.groupby().get(scopeKey);
                    csv.append(begin)
                            .append(',')
                            .append(end)
                            .append(',')
                            .append(type)
                            .append(',');
                    csv.append(quoted(point.unit())).append(',');
                    csv.append(point.quantity().toPlainString()).append(',');
                    csv.append(point.price().toPlainString()).append(',');
                    // An unquoted empty field is NULL in CSV; a quoted one is the empty string.
                    csv.append(scope == null ? "" : quoted(scope.toString())).append(',');
                    csv.append(quoted(json(point.groupby(), json))).append(',');
                    csv.append(quoted(json(point.metadata(), json))).append('\n');
                    count++;
                }
            }
        }
        if (count == 0) {
            return 0;
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY of rated points failed", e);
        }
        return count;
    }

    private static String quoted(String field) {
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    static String json(Map<String, Object> values, ObjectMapper json) {
        StringBuilder out = new StringBuilder(64).append('{');
        boolean first = true;
        for (var entry : values.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, entry.getKey());
            out.append(':');
            Object value = entry.getValue();
            if (value == null) {
                out.append("null");
            } else if (value instanceof String text) {
                string(out, text);
            } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
                out.append(value);
            } else {
                try {
                    out.append(json.writeValueAsString(value));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("cannot write attribute " + entry.getKey() + " as JSON", e);
                }
            }
        }
        return out.append('}').toString();
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }
}
