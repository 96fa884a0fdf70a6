package io.meterflow.timeseries.archivepolicy;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.timeseries.failure.InvalidInputException;
import io.meterflow.timeseries.input.JsonFields;
import io.meterflow.timeseries.time.Timespans;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns archive policy request bodies into policies, with Gnocchi's validation messages. */
public final class ArchivePolicyRequests {

    private static final Set<String> POLICY_KEYS = Set.of("name", "back_window", "aggregation_methods", "definition");
    private static final Set<String> ITEM_KEYS = Set.of("granularity", "points", "timespan");

    private final List<String> defaultMethods;

    public ArchivePolicyRequests(List<String> defaultMethods) {
        this.defaultMethods = List.copyOf(defaultMethods);
    }

    public ArchivePolicy parseCreate(JsonNode body) {
        JsonFields fields = JsonFields.of(body, POLICY_KEYS);
        String name = fields.requiredString("name");
        Long backWindow = fields.optionalInteger("back_window", 0);
        List<String> methods = fields.optionalStringList("aggregation_methods");
        if (methods == null) {
            methods = defaultMethods;
        }
        for (int i = 0; i < methods.size(); i++) {
            if (!AggregationMethodSet.isValidEntry(methods.get(i))) {
                throw InvalidInputException.field(
                        "not a valid value @ data['aggregation_methods'][" + i + "]",
                        List.of("aggregation_methods", Integer.toString(i)));
            }
        }
        List<ArchivePolicyItem> definition = parseDefinition(fields);
        try {
            return new ArchivePolicy(
                    name,
                    backWindow == null ? 0 : backWindow.intValue(),
                    definition,
                    AggregationMethodSet.resolve(methods, defaultMethods));
        } catch (IllegalArgumentException invalid) {
            throw InvalidInputException.because(invalid.getMessage());
        }
    }

    public List<ArchivePolicyItem> parseUpdate(JsonNode body) {
        return parseDefinition(JsonFields.of(body, Set.of("definition")));
    }

    private static List<ArchivePolicyItem> parseDefinition(JsonFields fields) {
        if (!fields.has("definition")) {
            throw InvalidInputException.field("required key not provided @ data['definition']", List.of("definition"));
        }
        JsonNode definition = fields.node("definition");
        if (!definition.isArray()) {
            throw InvalidInputException.field(
                    "expected a list for dictionary value @ data['definition']", List.of("definition"));
        }
        if (definition.isEmpty()) {
            throw InvalidInputException.field(
                    "length of value must be at least 1 for dictionary value @ data['definition']",
                    List.of("definition"));
        }
        List<ArchivePolicyItem> items = new ArrayList<>();
        for (int i = 0; i < definition.size(); i++) {
            JsonFields item = JsonFields.at(definition.get(i), List.of("definition", Integer.toString(i)), ITEM_KEYS);
            Long granularity = timespan(item, "granularity", i);
            Long timespan = timespan(item, "timespan", i);
            Long points = item.optionalInteger("points", 1);
            try {
                items.add(ArchivePolicyItem.of(granularity, points, timespan));
            } catch (IllegalArgumentException invalid) {
                throw InvalidInputException.because(invalid.getMessage());
            }
        }
        return items;
    }

    private static Long timespan(JsonFields item, String key, int index) {
        if (!item.has(key)) {
            return null;
        }
        JsonNode value = item.node(key);
        try {
            return Timespans.parse(value.isNumber() ? value.numberValue() : value.asText(), false);
        } catch (IllegalArgumentException invalid) {
            throw InvalidInputException.field(
                    invalid.getMessage() + " for dictionary value @ " + item.where(key), item.pathOf(key));
        }
    }
}
