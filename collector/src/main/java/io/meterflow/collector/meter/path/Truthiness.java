package io.meterflow.collector.meter.path;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Python's truth test on JSON values. Ceilometer keeps a metadata value only when it is truthy, so
 * {@code ""}, {@code 0}, {@code false}, {@code null}, {@code []} and {@code {}} disappear.
 */
public final class Truthiness {

    private Truthiness() {}

    public static boolean isTruthy(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.decimalValue().signum() != 0;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        return value.size() > 0;
    }
}
