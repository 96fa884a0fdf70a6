package io.meterflow.timeseries.aggregates;

import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** The element-wise operators of the operations language, with Gnocchi's names and aliases. */
final class GridOperators {

    private static final Map<String, DoubleUnaryOperator> UNARY = Map.of(
            "abs", Math::abs,
            "absolute", Math::abs,
            "neg", v -> -v,
            "negative", v -> -v,
            "cos", Math::cos,
            "sin", Math::sin,
            "tan", Math::tan,
            "floor", Math::floor,
            "ceil", Math::ceil);

    /** Comparisons yield 1 or 0, numpy's booleans as numbers. */
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
            Map.entry("%", GridOperators::pythonMod),
            Map.entry("mod", GridOperators::pythonMod),
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
            Map.entry("pow", Math::pow),
            Map.entry("clip_min", Math::max),
            Map.entry("clip_max", Math::min));

    private GridOperators() {}

    static boolean isUnary(String operator) {
        return UNARY.containsKey(operator) || operator.equals("rateofchange");
    }

    static boolean isBinary(String operator) {
        return BINARY.containsKey(operator);
    }

    static DoubleUnaryOperator unary(String operator) {
        return UNARY.get(operator);
    }

    static DoubleBinaryOperator binary(String operator) {
        return BINARY.get(operator);
    }

    private static double truth(boolean value) {
        return value ? 1 : 0;
    }

    /** numpy.mod follows Python: the result has the sign of the divisor. */
    private static double pythonMod(double a, double b) {
        double remainder = a % b;
        return remainder != 0 && (remainder < 0) != (b < 0) ? remainder + b : remainder;
    }
}
