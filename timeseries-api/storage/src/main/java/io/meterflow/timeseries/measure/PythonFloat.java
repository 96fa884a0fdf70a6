package io.meterflow.timeseries.measure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Python's {@code float(x)} for the JSON values a measure may carry; null where Python raises. */
final class PythonFloat {

    private PythonFloat() {}

    static Double of(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.asBoolean() ? 1.0 : 0.0;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (!node.isTextual()) {
            return null;
        }
        String text = node.asText().strip().replace("_", "").toLowerCase(Locale.ROOT);
        String unsigned = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        double sign = text.startsWith("-") ? -1 : 1;
        switch (unsigned) {
            case "nan":
                return Double.NaN;
            case "inf":
            case "infinity":
                return sign * Double.POSITIVE_INFINITY;
            default:
                break;
        }
        if (unsigned.isEmpty() || !unsigned.matches("(\\d+\\.?\\d*|\\.\\d+)(e[-+]?\\d+)?")) {
            return null;
        }
        return Double.parseDouble(text);
    }
}
