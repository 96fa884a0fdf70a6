package io.meterflow.timeseries.aggregates;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.timeseries.aggregation.Resampling;
import io.meterflow.timeseries.failure.InvalidInputException;
import io.meterflow.timeseries.time.Timespans;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the operations of an aggregates request, given as Gnocchi's S-expression string
 * ({@code "(aggregate mean (metric (id mean)))"}) or as the equivalent JSON lists, into an
 * {@link Operation} tree, rejecting malformed trees with Gnocchi's 400 errors.
 */
public final class OperationParser {

    private OperationParser() {}

    public static Operation parse(JsonNode operations) {
        Object tree = operations.isTextual() ? parseText(operations.asText()) : fromJson(operations);
        if (!(tree instanceof List<?> list) || list.isEmpty()) {
            throw invalid("Operation must not be empty", tree);
        }
        return node(tree, true);
    }

    /** S-expression to nested lists of strings, as pyparsing's nestedExpr does. */
    static Object parseText(String text) {
        List<List<Object>> stack = new ArrayList<>();
        List<Object> top = null;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                List<Object> list = new ArrayList<>();
                if (!stack.isEmpty()) {
                    stack.get(stack.size() - 1).add(list);
                } else if (top != null) {
                    break; // a second expression: ignored, as Gnocchi only reads the first
                }
                stack.add(list);
                i++;
            } else if (c == ')') {
                if (stack.isEmpty()) {
                    throw parseError("Expected '(', found ')'", i);
                }
                top = stack.remove(stack.size() - 1);
                i++;
                if (stack.isEmpty()) {
                    break;
                }
            } else {
                if (stack.isEmpty()) {
                    throw parseError("Expected '(', found '" + c + "'", i);
                }
                int end = i;
                if (c == '"' || c == '\'') {
                    end = text.indexOf(c, i + 1);
                    if (end < 0) {
                        throw parseError("Unterminated string", i);
                    }
                    stack.get(stack.size() - 1).add(text.substring(i + 1, end));
                    i = end + 1;
                    continue;
                }
                while (end < text.length()
                        && !Character.isWhitespace(text.charAt(end))
                        && text.charAt(end) != '('
                        && text.charAt(end) != ')') {
                    end++;
                }
                stack.get(stack.size() - 1).add(text.substring(i, end));
                i = end;
            }
        }
        if (!stack.isEmpty() || top == null) {
            throw parseError("Expected ')', found end of text", text.length());
        }
        return top;
    }

    private static Object fromJson(JsonNode node) {
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(child -> list.add(fromJson(child)));
            return list;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            return node.asText();
        }
        throw invalid(
                "Expected a tuple/list, got a " + node.getNodeType().toString().toLowerCase(), node.toString());
    }

    private static Operation node(Object tree, boolean root) {
        if (!(tree instanceof List<?> list)) {
            Double number = number(tree);
            if (number == null || root) {
                throw invalid("Invalid operations", tree);
            }
            return new Operation.Constant(number);
        }
        if (list.isEmpty()) {
            throw invalid("Operation must not be empty", tree);
        }
        if (!(list.get(0) instanceof String operator)) {
            throw invalid("Invalid operation name", tree);
        }
        return switch (operator) {
            case "metric" -> metrics(list);
            case "aggregate" -> {
                requireShape(list, 3, operator);
                yield new Operation.Aggregate(method(list.get(1), operator), node(list.get(2), false));
            }
            case "rolling" -> {
                requireShape(list, 4, operator);
                Double window = number(list.get(2));
                if (window == null || window < 1) {
                    throw operationInvalid(operator);
                }
                yield new Operation.Rolling(method(list.get(1), operator), window.intValue(), node(list.get(3), false));
            }
            case "resample" -> {
                requireShape(list, 4, operator);
                Resampling sampling;
                try {
                    sampling = Resampling.parse(String.valueOf(list.get(2)), text -> Timespans.parse(text, false));
                } catch (IllegalArgumentException invalidTimespan) {
                    throw operationInvalid(operator);
                }
                yield new Operation.Resample(method(list.get(1), operator), sampling, node(list.get(3), false));
            }
            case "clip" -> {
                if (list.size() != 3 && list.size() != 4) {
                    throw invalid("clip takes 2 or 3 arguments", tree);
                }
                yield new Operation.Clip(
                        node(list.get(1), false),
                        node(list.get(2), false),
                        list.size() == 4 ? node(list.get(3), false) : null);
            }
            default -> {
                if (GridOperators.isUnary(operator)) {
                    arity(list, 2);
                    yield new Operation.Unary(operator, node(list.get(1), false));
                }
                if (GridOperators.isBinary(operator)) {
                    arity(list, 3);
                    yield new Operation.Binary(operator, node(list.get(1), false), node(list.get(2), false));
                }
                throw invalid("'" + operator + "' operation invalid", tree);
            }
        };
    }

    private static Operation metrics(List<?> list) {
        if (list.size() < 2) {
            throw invalid("Operation need at least one argument", list);
        }
        List<Operation.Reference> references = new ArrayList<>();
        if (list.get(1) instanceof List<?>) {
            for (Object pair : list.subList(1, list.size())) {
                references.add(reference(pair, list));
            }
        } else {
            references.add(reference(list.subList(1, list.size()), list));
        }
        return new Operation.Metrics(references);
    }

    private static Operation.Reference reference(Object pair, Object tree) {
        if (pair instanceof List<?> items
                && items.size() == 2
                && items.get(0) instanceof String metric
                && items.get(1) instanceof String method) {
            return new Operation.Reference(metric, method);
        }
        throw invalid("metric references are (metric aggregation) pairs", tree);
    }

    private static String method(Object value, String operator) {
        if (value instanceof String method && GridAggregates.isKnown(method)) {
            return method;
        }
        throw operationInvalid(operator);
    }

    /** voluptuous reports any mismatch of an operator's arguments as "'op' operation invalid". */
    private static void requireShape(List<?> list, int size, String operator) {
        if (list.size() != size) {
            throw operationInvalid(operator);
        }
    }

    private static InvalidInputException operationInvalid(String operator) {
        return invalid("'" + operator + "' operation invalid", operator);
    }

    private static void arity(List<?> list, int size) {
        if (list.size() != size) {
            throw invalid("'" + list.get(0) + "' takes " + (size - 1) + " arguments", list);
        }
    }

    private static Double number(Object value) {
        if (value instanceof Double number) {
            return number;
        }
        if (value instanceof String text) {
            try {
                return Double.valueOf(text);
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    private static InvalidInputException parseError(String detail, int position) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("cause", "Invalid operations");
        description.put("reason", "Fail to parse the operations string");
        description.put("detail", detail + "  (at char " + position + "), (line:1, col:" + (position + 1) + ")");
        return InvalidInputException.explained(description);
    }

    private static InvalidInputException invalid(String reason, Object tree) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("cause", "Invalid input");
        description.put("reason", reason + " for dictionary value @ data['operations']");
        description.put("detail", List.of("operations"));
        return InvalidInputException.explained(description);
    }

    /** Names the parser accepts in operator position, for documentation and tests. */
    static final Set<String> STRUCTURAL = Set.of("metric", "aggregate", "rolling", "resample", "clip");
}
