package io.meterflow.timeseries.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.meterflow.timeseries.failure.InvalidInputException;
import io.meterflow.timeseries.resourceid.ResourceIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates a JSON resource search as Gnocchi's {@code ResourceSearchSchema} does, with
 * voluptuous' messages, and turns it into a {@link SearchQuery}. Resource ids in {@code id}
 * comparisons are mapped to UUIDs for the caller, as a non-UUID id would be on creation.
 */
public final class SearchQueryParser {

    private static final Map<String, String> COMPARISONS = Map.ofEntries(
            Map.entry("=", "="),
            Map.entry("==", "="),
            Map.entry("eq", "="),
            Map.entry("<", "<"),
            Map.entry("lt", "<"),
            Map.entry(">", ">"),
            Map.entry("gt", ">"),
            Map.entry("<=", "<="),
            Map.entry("≤", "<="),
            Map.entry("le", "<="),
            Map.entry(">=", ">="),
            Map.entry("≥", ">="),
            Map.entry("ge", ">="),
            Map.entry("!=", "!="),
            Map.entry("≠", "!="),
            Map.entry("ne", "!="),
            Map.entry("like", "like"),
            Map.entry("ilike", "ilike"),
            Map.entry("in", "in"));

    /** The query, or empty for {@code {}} (no condition). */
    public Optional<SearchQuery> parse(JsonNode body, String creator) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.field("expected a dictionary", List.of());
        }
        if (body.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(node(body, List.of(), creator));
    }

    private SearchQuery node(JsonNode node, List<String> path, String creator) {
        if (node.size() > 1) {
            throw invalid("length of value must be at most 1", path, false);
        }
        if (node.isEmpty()) {
            throw invalid("length of value must be at least 1", path, false);
        }
        Map.Entry<String, JsonNode> entry = node.fields().next();
        String operator = entry.getKey();
        JsonNode operand = entry.getValue();
        List<String> here = append(path, operator);
        switch (operator) {
            case "and", "∧", "or", "∨" -> {
                if (!operand.isArray()) {
                    throw invalid("expected a list", here, true);
                }
                if (operand.isEmpty()) {
                    throw invalid("length of value must be at least 1", here, true);
                }
                List<SearchQuery> operands = new ArrayList<>();
                for (int i = 0; i < operand.size(); i++) {
                    operands.add(dictionary(operand.get(i), append(here, Integer.toString(i)), creator));
                }
                return operator.equals("and") || operator.equals("∧")
                        ? new SearchQuery.And(operands)
                        : new SearchQuery.Or(operands);
            }
            case "not" -> {
                return new SearchQuery.Not(dictionary(operand, here, creator));
            }
            default -> {
                String canonical = COMPARISONS.get(operator);
                if (canonical == null) {
                    throw invalid("extra keys not allowed", here, false);
                }
                return comparison(canonical, operand, here, creator);
            }
        }
    }

    private SearchQuery dictionary(JsonNode node, List<String> path, String creator) {
        if (node == null || !node.isObject()) {
            throw invalid("expected a dictionary", path, true);
        }
        return node(node, path, creator);
    }

    private SearchQuery comparison(String operator, JsonNode operand, List<String> path, String creator) {
        if (!operand.isObject()) {
            throw invalid("expected a dictionary", path, true);
        }
        if (operand.size() != 1) {
            throw invalid("length of value must be " + (operand.isEmpty() ? "at least 1" : "at most 1"), path, true);
        }
        Map.Entry<String, JsonNode> entry = operand.fields().next();
        String field = entry.getKey();
        JsonNode value = entry.getValue();
        List<String> here = append(path, field);
        if (field.equals("id") && (operator.equals("like") || operator.equals("ilike"))) {
            throw invalid("extra keys not allowed", here, false);
        }
        if (operator.equals("in")) {
            if (!value.isArray()) {
                throw invalid("expected a list", here, true);
            }
            if (value.isEmpty()) {
                throw invalid("length of value must be at least 1", here, true);
            }
            ArrayNode items = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < value.size(); i++) {
                items.add(scalar(field, value.get(i), append(here, Integer.toString(i)), creator));
            }
            return new SearchQuery.Comparison(operator, field, items);
        }
        return new SearchQuery.Comparison(operator, field, scalar(field, value, here, creator));
    }

    private JsonNode scalar(String field, JsonNode value, List<String> path, String creator) {
        if (field.equals("id")) {
            try {
                if (!value.isTextual()) {
                    throw new IllegalArgumentException("badly formed hexadecimal UUID string");
                }
                return TextNode.valueOf(
                        ResourceIds.toResourceUuid(value.asText(), creator).toString());
            } catch (IllegalArgumentException invalid) {
                throw invalid(invalid.getMessage(), path, true);
            }
        }
        if (value.isContainerNode()) {
            throw invalid("expected str", path, true);
        }
        return value;
    }

    private static List<String> append(List<String> path, String element) {
        List<String> longer = new ArrayList<>(path);
        longer.add(element);
        return List.copyOf(longer);
    }

    private static InvalidInputException invalid(String message, List<String> path, boolean value) {
        if (path.isEmpty()) {
            return InvalidInputException.field(message, path);
        }
        StringBuilder where = new StringBuilder("data");
        for (String element : path) {
            where.append(element.chars().allMatch(Character::isDigit) ? "[" + element + "]" : "['" + element + "']");
        }
        return InvalidInputException.field(message + (value ? " for dictionary value" : "") + " @ " + where, path);
    }
}
