package io.meterflow.timeseries.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.timeseries.failure.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Gnocchi's measure value query for {@code POST /v1/search/metric}, e.g.
 * {@code {"and": [{">=": 10}, {"<": 50}]}} or {@code {"=": [{"%": 5}, 0]}}, compiled to a
 * predicate on a value. Booleans are 1/0 and truth is "not zero", as Python evaluates it.
 */
public final class MeasureValueQuery {

    private static final Map<String, DoubleBinaryOperator> BINARY = Map.ofEntries(
            Map.entry("=", (a, b) -> truth(a == b)),
            Map.entry("==", (a, b) -> truth(a == b)),
            Map.entry("eq", (a, b) -> truth(a == b)),
            Map.entry("<", (a, b) -> truth(a < b)),
            Map.entry("lt", (a, b) -> truth(a < b)),
            Map.entry(">", (a, b) -> truth(a > b)),
            Map.entry("gt", (a, b) -> truth(a > b)),
            Map.entry("<=", (a, b) -> truth(a <= b)),
            Map.entry("≤", (a, b) -> truth(a <= b)),
            Map.entry("le", (a, b) -> truth(a <= b)),
            Map.entry(">=", (a, b) -> truth(a >= b)),
            Map.entry("≥", (a, b) -> truth(a >= b)),
            Map.entry("ge", (a, b) -> truth(a >= b)),
            Map.entry("!=", (a, b) -> truth(a != b)),
            Map.entry("≠", (a, b) -> truth(a != b)),
            Map.entry("ne", (a, b) -> truth(a != b)),
            Map.entry("%", (a, b) -> a - Math.floor(a / b) * b),
            Map.entry("mod", (a, b) -> a - Math.floor(a / b) * b),
            Map.entry("+", Double::sum),
            Map.entry("add", Double::sum),
            Map.entry("-", (a, b) -> a - b),
            Map.entry("sub", (a, b) -> a - b),
            Map.entry("*", (a, b) -> a * b),
            Map.entry("×", (a, b) -> a * b),
            Map.entry("mul", (a, b) -> a * b),
            Map.entry("/", (a, b) -> a / b),
            Map.entry("÷", (a, b) -> a / b),
            Map.entry("div", (a, b) -> a / b),
            Map.entry("**", Math::pow),
            Map.entry("^", Math::pow),
            Map.entry("pow", Math::pow));

    private final DoubleUnaryOperator expression;

    private MeasureValueQuery(DoubleUnaryOperator expression) {
        this.expression = expression;
    }

    public static MeasureValueQuery parse(JsonNode query) {
        if (query == null || !query.isObject() || query.size() != 1) {
            throw InvalidInputException.field("expected a dictionary with one operator", List.of());
        }
        return new MeasureValueQuery(compile(query, List.of()));
    }

    public boolean matches(double value) {
        double result = expression.applyAsDouble(value);
        return result != 0; // NaN is true, as bool(nan) in Python
    }

    private static DoubleUnaryOperator compile(JsonNode node, List<Object> path) {
        if (node.isNumber()) {
            double constant = node.doubleValue();
            return value -> constant;
        }
        if (!node.isObject() || node.size() != 1) {
            throw InvalidInputException.field("expected a number or an operation", List.of());
        }
        Map.Entry<String, JsonNode> operation = node.fields().next();
        String operator = operation.getKey();
        JsonNode operands = operation.getValue();
        if (operator.equals("and") || operator.equals("∧") || operator.equals("or") || operator.equals("∨")) {
            if (!operands.isArray()) {
                throw InvalidInputException.field("expected a list for '" + operator + "'", List.of(operator));
            }
            List<DoubleUnaryOperator> parts = new ArrayList<>();
            for (int i = 0; i < operands.size(); i++) {
                parts.add(compile(operands.get(i), within(path, operator, i)));
            }
            boolean all = operator.equals("and") || operator.equals("∧");
            return value -> {
                for (DoubleUnaryOperator part : parts) {
                    boolean holds = part.applyAsDouble(value) != 0;
                    if (holds != all) {
                        return truth(!all);
                    }
                }
                return truth(all);
            };
        }
        DoubleBinaryOperator function = BINARY.get(operator);
        if (function == null) {
            // Gnocchi's schema lists the operators: any other key fails validation, voluptuous-style.
            List<Object> where = within(path, operator);
            throw InvalidInputException.field("extra keys not allowed @ data" + subscripts(where), where);
        }
        if (operands.isNumber()) {
            double right = operands.doubleValue();
            return value -> function.applyAsDouble(value, right);
        }
        if (!operands.isArray() || operands.size() != 2) {
            throw InvalidInputException.because("Binary operator " + operator + " needs 2 arguments, "
                    + (operands.isArray() ? operands.size() : 1) + " given");
        }
        DoubleUnaryOperator left = compile(operands.get(0), within(path, operator, 0));
        DoubleUnaryOperator right = compile(operands.get(1), within(path, operator, 1));
        return value -> function.applyAsDouble(left.applyAsDouble(value), right.applyAsDouble(value));
    }

    private static List<Object> within(List<Object> path, Object... steps) {
        List<Object> deeper = new ArrayList<>(path);
        deeper.addAll(List.of(steps));
        return deeper;
    }

    /** A path as Python prints it in voluptuous messages: {@code ['and'][0]['like']}. */
    private static String subscripts(List<Object> path) {
        StringBuilder text = new StringBuilder();
        path.forEach(step -> text.append('[')
                .append(step instanceof String key ? "'" + key + "'" : step)
                .append(']'));
        return text.toString();
    }

    private static double truth(boolean value) {
        return value ? 1 : 0;
    }
}
