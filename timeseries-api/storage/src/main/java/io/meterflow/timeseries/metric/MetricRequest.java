package io.meterflow.timeseries.metric;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.timeseries.failure.InvalidInputException;
import io.meterflow.timeseries.input.JsonFields;
import java.util.List;
import java.util.Set;

/** The body of {@code POST /v1/metric}: every field optional, the policy may come from rules. */
public record MetricRequest(String archivePolicyName, String resourceId, String name, String unit) {

    private static final Set<String> KEYS = Set.of("archive_policy_name", "resource_id", "name", "unit");
    private static final int MAX_UNIT_LENGTH = 31;

    public static MetricRequest parse(JsonNode body) {
        JsonFields fields = JsonFields.of(body, KEYS);
        String unit = fields.optionalString("unit");
        if (unit != null && unit.length() > MAX_UNIT_LENGTH) {
            throw InvalidInputException.field(
                    "length of value must be at most " + MAX_UNIT_LENGTH + " for dictionary value @ data['unit']",
                    List.of("unit"));
        }
        return new MetricRequest(
                fields.optionalString("archive_policy_name"),
                fields.optionalString("resource_id"),
                fields.optionalString("name"),
                unit);
    }
}
